package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss, variant and fused form agrees with PyTorch's values and gradients.
 *
 * <p>At the inputs of {@code src/test/python/make_fixtures.py}, the relative error must be below
 * {@code 1e-9} in float64 and {@code 1e-5} in float32, relative to {@code max(1, |PyTorch's|)},
 * except in the cases of {@link #EXCEPTIONS}.
 */
class TorchAgreementTests {
  private static final double FLOAT64_TOLERANCE = 1e-9;
  private static final double FLOAT32_TOLERANCE = 1e-5;

  /** A larger tolerance for one case, and why PyTorch is off there. */
  private record LargerTolerance(double tolerance, String reason) {}

  /**
   * PyTorch's binary cross-entropy gradient is clamped at a float 1e-12, also in float64.
   *
   * <p>PyTorch clamps the gradient's denominator {@code p (1 - p)} at its {@code EPSILON}, a C++
   * {@code float} (9.99999996e-13), where this loss clamps at the double 1e-12: at probabilities of
   * exactly 0 and 1 the float64 gradients differ by 4.0e-9 relative.
   */
  private static final LargerTolerance BCE_FLOAT_EPSILON =
      new LargerTolerance(
          1e-8,
          "PyTorch's BCE gradient clamp is the float 1e-12 (9.99999996e-13), also in float64");

  /** Keyed by {@code id/case/precision}. */
  private static final Map<String, LargerTolerance> EXCEPTIONS =
      Map.of(
          "binary_cross_entropy/probabilities_0_and_1/float64", BCE_FLOAT_EPSILON,
          "binary_cross_entropy/probabilities_0_and_1_reduction_sum/float64", BCE_FLOAT_EPSILON);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyLossAgreesWithPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : RegistrationTests.IDS) {
      JsonNode fixture = read("/torch/" + id + ".json");
      assertThat(fixture.get("loss").asText()).isEqualTo(id);
      Set<String> names = new HashSet<>();
      for (JsonNode c : fixture.get("cases")) {
        assertThat(names.add(c.get("name").asText())).as("%s names each case once", id).isTrue();
        for (String precision : List.of("float64", "float32")) {
          String name = id + "/" + c.get("name").asText() + "/" + precision;
          tests.add(DynamicTest.dynamicTest(name, () -> check(id, c, precision, name)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(String id, JsonNode c, String precision, String name) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.get("params").properties()) {
      params.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
    }
    Loss loss = LossRuns.create(id, params);
    if (!c.get("fused").isNull()) {
      loss = LossRuns.fused(loss, c.get("fused").asText());
    }
    int rows = c.get("rows").asInt();
    int cols = c.get("cols").asInt();
    Matrix outputs = Matrix.wrap(rows, cols, doubles(c.get("outputs")));
    Matrix targets = Matrix.wrap(rows, cols, doubles(c.get("targets")));
    boolean float32 = precision.equals("float32");
    if (float32) {
      outputs = outputs.toFloats();
      targets = targets.toFloats();
    }
    Matrix grad = outputs.like(rows, cols);
    double value = loss.evaluate(outputs, targets, grad);

    LargerTolerance exception = EXCEPTIONS.get(name);
    double tolerance =
        exception != null ? exception.tolerance() : float32 ? FLOAT32_TOLERANCE : FLOAT64_TOLERANCE;
    JsonNode expected = c.get(precision);
    double expectedValue = expected.get("value").asDouble();
    String why =
        exception == null ? "" : " (tolerance " + tolerance + ": " + exception.reason() + ")";
    assertThat(relativeError(value, expectedValue))
        .as("%s: value %s, PyTorch %s%s", name, value, expectedValue, why)
        .isLessThan(tolerance);
    double[] expectedGrad = doubles(expected.get("grad"));
    double worst = relativeError(value, expectedValue);
    for (int i = 0; i < expectedGrad.length; i++) {
      double error = relativeError(grad.get(i), expectedGrad[i]);
      worst = Math.max(worst, error);
      assertThat(error)
          .as("%s: gradient [%d] %s, PyTorch %s%s", name, i, grad.get(i), expectedGrad[i], why)
          .isLessThan(tolerance);
    }
    if (exception != null) {
      assertThat(worst)
          .as("%s agrees within the usual tolerance: its exception is no longer needed", name)
          .isGreaterThanOrEqualTo(float32 ? FLOAT32_TOLERANCE : FLOAT64_TOLERANCE);
    }
  }

  private static double relativeError(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = TorchAgreementTests.class.getResourceAsStream(resource)) {
      assertThat(in).as("fixture %s (run src/test/python/make_fixtures.py)", resource).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
