package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;

/** Checks a loss against values computed elsewhere (PyTorch). */
final class LossRuns {
  private LossRuns() {}

  /**
   * Asserts the loss of {@code outputs} against {@code targets} and its gradient, each within
   * {@code tolerance} relative to {@code max(1, |expected|)}.
   */
  static void assertLoss(
      Loss loss,
      Matrix outputs,
      Matrix targets,
      double expectedLoss,
      double[] expectedGrad,
      double tolerance) {
    Matrix grad = outputs.like(outputs.rows(), outputs.cols());
    double value = loss.evaluate(outputs, targets, grad);
    assertThat(value)
        .isCloseTo(expectedLoss, within(tolerance * Math.max(1, Math.abs(expectedLoss))));
    for (int i = 0; i < expectedGrad.length; i++) {
      assertThat(grad.get(i))
          .as("gradient [%d]", i)
          .isCloseTo(expectedGrad[i], within(tolerance * Math.max(1, Math.abs(expectedGrad[i]))));
    }
  }

  static Matrix matrix(int rows, int cols, double... values) {
    return Matrix.wrap(rows, cols, values.clone());
  }
}
