package io.dendrite.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation against the values and gradients PyTorch computes for the same inputs, in
 * float64 and float32, read from {@code torch/activations.json}.
 *
 * <p>The fixture is written by {@code src/test/python/make_fixtures.py}: it holds {@code f(z)} and
 * {@code z.grad} after {@code f(z).backward(g)} at ±1000, ±50, ±1e-7, ±0, ±1, the kinks and forty
 * standard-normal values (rows of logits, ±1e4 among them, for softmax and log_softmax). The error
 * of a value is {@code |ours - torch| / max(1, |torch|)}.
 */
class TorchAgreementTests {
  private static final double FLOAT64_TOLERANCE = 1e-9;
  private static final double FLOAT32_TOLERANCE = 1e-5;

  /** A larger tolerance for one quantity where PyTorch itself computes differently, and why. */
  private record Allowance(
      String id, String precision, String quantity, double tolerance, String reason) {}

  private static final List<Allowance> ALLOWANCES =
      List.of(
          new Allowance(
              "hard_sigmoid",
              "float64",
              "grad_input",
              1e-7,
              "PyTorch's hardsigmoid_backward multiplies by the float32 constant 1.0f / 6.0f even"
                  + " in float64, 3e-8 relative above the 1/6 we use"));

  private static final JsonNode FIXTURE = read();

  private static JsonNode read() {
    try (InputStream in =
        TorchAgreementTests.class.getResourceAsStream("/torch/activations.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read torch/activations.json", e);
    }
  }

  /** One activation with its parameters, as the fixture script recorded it. */
  record Case(JsonNode node) {
    String id() {
      return node.get("id").asText();
    }

    Map<String, Object> params() {
      Map<String, Object> params = new LinkedHashMap<>();
      node.get("params")
          .properties()
          .forEach(
              e ->
                  params.put(
                      e.getKey(),
                      e.getValue().isNumber() ? e.getValue().asDouble() : e.getValue().asText()));
      return params;
    }

    /** {@code what} ({@code input}, {@code grad_output}) or {@code precision.what}, as float64. */
    Matrix matrix(String... path) {
      JsonNode values = node;
      for (String step : path) {
        values = values.get(step);
      }
      double[] out = new double[values.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = values.get(i).asDouble();
      }
      return Matrix.wrap(node.get("rows").asInt(), node.get("cols").asInt(), out);
    }

    @Override
    public String toString() {
      return id() + " " + params();
    }
  }

  /** Our {@code output} or {@code grad_input} for a case, with the input it was computed at. */
  private record Computed(Matrix z, Matrix value) {}

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    FIXTURE.get("cases").forEach(c -> cases.add(new Case(c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithPyTorch(Case c) {
    List<String> problems = new ArrayList<>();
    for (String precision : List.of("float64", "float32")) {
      for (String quantity : List.of("output", "grad_input")) {
        Computed ours = compute(c, precision, quantity);
        Matrix torch = c.matrix(precision, quantity);
        double tolerance = tolerance(c.id(), precision, quantity);
        int worst = worstIndex(ours.value(), torch);
        double error = error(ours.value().get(worst), torch.get(worst));
        if (!(error <= tolerance)) {
          problems.add(
              "%s %s %s: error %.3g > %.1g at z = %s (ours %s, torch %s)"
                  .formatted(
                      c,
                      precision,
                      quantity,
                      error,
                      tolerance,
                      ours.z().get(worst),
                      ours.value().get(worst),
                      torch.get(worst)));
        }
      }
    }
    assertThat(problems).as("disagreements with PyTorch").isEmpty();
  }

  /** An allowance that is no longer needed hides nothing, but should go. */
  @Test
  void everyAllowanceIsStillNeeded() {
    for (Allowance allowance : ALLOWANCES) {
      double worst =
          cases()
              .filter(c -> c.id().equals(allowance.id()))
              .mapToDouble(
                  c -> {
                    Matrix ours = compute(c, allowance.precision(), allowance.quantity()).value();
                    Matrix torch = c.matrix(allowance.precision(), allowance.quantity());
                    int i = worstIndex(ours, torch);
                    return error(ours.get(i), torch.get(i));
                  })
              .max()
              .orElseThrow();
      double usual =
          allowance.precision().equals("float64") ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
      assertThat(worst).as("%s (%s)", allowance, allowance.reason()).isGreaterThan(usual);
    }
  }

  @Test
  void everyActivationHasAFixture() {
    TreeSet<String> fixtures = new TreeSet<>();
    cases().forEach(c -> fixtures.add(c.id()));
    TreeSet<String> ids = new TreeSet<>();
    ServiceLoader.load(ActivationPlugin.class).forEach(p -> ids.add(p.id()));
    assertThat(fixtures).isEqualTo(ids);
  }

  @Test
  void erfcAgreesWithTheCLibraryWithinTwoUlps() {
    JsonNode erfc = FIXTURE.get("erfc");
    for (int i = 0; i < erfc.get("x").size(); i++) {
      double x = erfc.get("x").get(i).asDouble();
      double expected = erfc.get("erfc").get(i).asDouble();
      assertThat(Math.abs(ErrorFunction.erfc(x) - expected))
          .as("erfc(%s) = %s", x, expected)
          .isLessThanOrEqualTo(2 * Math.ulp(expected));
    }
  }

  private static Computed compute(Case c, String precision, String quantity) {
    Matrix z = c.matrix("input");
    Matrix gradA = c.matrix("grad_output");
    if (precision.equals("float32")) {
      z = z.toFloats();
      gradA = gradA.toFloats();
    }
    Activation activation = create(c.id(), c.params());
    Matrix a = z.like(z.rows(), z.cols());
    activation.forward(z, a);
    if (quantity.equals("output")) {
      return new Computed(z, a);
    }
    Matrix gradZ = z.like(z.rows(), z.cols());
    activation.backward(z, a, gradA, gradZ);
    return new Computed(z, gradZ);
  }

  private static int worstIndex(Matrix ours, Matrix torch) {
    int worst = 0;
    for (int i = 1; i < torch.size(); i++) {
      if (!(error(ours.get(i), torch.get(i)) <= error(ours.get(worst), torch.get(worst)))) {
        worst = i;
      }
    }
    return worst;
  }

  private static double error(double ours, double torch) {
    return Math.abs(ours - torch) / Math.max(1.0, Math.abs(torch));
  }

  private static double tolerance(String id, String precision, String quantity) {
    for (Allowance a : ALLOWANCES) {
      if (a.id().equals(id) && a.precision().equals(precision) && a.quantity().equals(quantity)) {
        return a.tolerance();
      }
    }
    return precision.equals("float64") ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
  }

  private static Activation create(String id, Map<String, Object> params) {
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      if (p.id().equals(id)) {
        return p.create(Params.resolve(p.params(), params));
      }
    }
    throw new AssertionError("no activation " + id);
  }
}
