package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code reduction: sum} of every loss and fused form is its mean times PyTorch's divisor.
 *
 * <p>It also passes the gradient check. The contracts test the means only: they require a mean over
 * rows.
 */
class ReductionTests {
  /** The losses PyTorch (or Keras) averages over every value rather than over rows. */
  private static final Set<String> ELEMENTWISE =
      Set.of(
          "mse",
          "mae",
          "huber",
          "log_cosh",
          "binary_cross_entropy",
          "poisson",
          "hinge",
          "squared_hinge");

  private static final List<String> ACTIVATIONS = List.of("softmax", "sigmoid", "log_softmax");

  /** A loss's parameters beside {@code reduction}, and the activation it is fused with, if any. */
  private record Form(String id, Map<String, Object> params, String fusedWith) {
    Loss create(String reduction) {
      Map<String, Object> all = new HashMap<>(params);
      all.put("reduction", reduction);
      Loss loss = LossRuns.create(id, all);
      return fusedWith == null
          ? loss
          : loss.fusedWith(ComponentSpec.of(PluginKind.ACTIVATION, fusedWith));
    }

    @Override
    public String toString() {
      return id
          + (params.isEmpty() ? "" : " " + params)
          + (fusedWith == null ? "" : " fused with " + fusedWith);
    }
  }

  private static List<Form> forms() {
    List<Form> forms = new ArrayList<>();
    for (String id : RegistrationTests.IDS) {
      List<Map<String, Object>> variants =
          switch (id) {
            case "binary_cross_entropy" -> List.of(Map.of(), Map.of("from_logits", true));
            case "cross_entropy" -> List.of(Map.of(), Map.of("label_smoothing", 0.2));
            case "huber" -> List.of(Map.of(), Map.of("delta", 0.3));
            default -> List.of(Map.of());
          };
      for (Map<String, Object> params : variants) {
        forms.add(new Form(id, params, null));
        for (String activation : ACTIVATIONS) {
          if (new Form(id, params, activation).create("mean") != null) {
            forms.add(new Form(id, params, activation));
          }
        }
      }
    }
    return forms;
  }

  /** Values in (0.05, 0.95): probabilities, rates, scores and log-probabilities alike. */
  private static Matrix values(int rows, int cols, Rng rng) {
    Matrix m = Matrix.doubles(rows, cols);
    for (int i = 0; i < m.size(); i++) {
      m.set(i, 0.05 + 0.9 * rng.nextDouble());
    }
    return m;
  }

  @TestFactory
  Stream<DynamicTest> sumIsTheMeanTimesTheDivisorAndPassesTheGradientCheck() {
    return forms().stream()
        .map(form -> DynamicTest.dynamicTest(form.toString(), () -> check(form)));
  }

  private static void check(Form form) {
    Rng rng = new Rng(31);
    int rows = 4;
    int cols = 5;
    Matrix outputs = values(rows, cols, rng);
    Matrix targets = values(rows, cols, rng);
    double divisor = ELEMENTWISE.contains(form.id()) ? rows * cols : rows;
    Matrix meanGrad = outputs.like(rows, cols);
    Matrix sumGrad = outputs.like(rows, cols);
    double mean = form.create("mean").evaluate(outputs, targets, meanGrad);
    Loss sum = form.create("sum");
    double value = sum.evaluate(outputs, targets, sumGrad);
    assertThat(value)
        .as("sum vs mean * %s", divisor)
        .isCloseTo(mean * divisor, relative(mean * divisor));
    for (int i = 0; i < sumGrad.size(); i++) {
      double expected = meanGrad.get(i) * divisor;
      assertThat(sumGrad.get(i)).as("gradient [%d]", i).isCloseTo(expected, relative(expected));
    }
    GradientCheck.Result result = GradientCheck.ofLoss(sum, outputs, targets);
    assertThat(result.passes()).as("gradient check of the sum: %s", result).isTrue();
  }

  private static Offset<Double> relative(double expected) {
    return Offset.offset(1e-12 * Math.max(1, Math.abs(expected)));
  }
}
