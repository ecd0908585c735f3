package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertFinite;
import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CosineSimilarityLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new CosineSimilarityLoss.Plugin();
  }

  /** Standard-normal outputs and targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, rng.nextGaussian());
      targets.set(i, rng.nextGaussian());
    }
    return new Sample(outputs, targets);
  }

  /** Zero rows and rows of ±1e4, alternately. */
  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int r = 1; r < out.rows(); r += 2) {
      for (int c = 0; c < out.cols(); c++) {
        out.set(r, c, c % 2 == 0 ? 1e4 : -1e4);
      }
    }
    return out;
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void isOneMinusTheCosineAndIgnoresLength() {
    // cos((3, 4), (4, 3)) = 24 / 25; scaling the output by 10 changes nothing but the gradient.
    Loss loss = new CosineSimilarityLoss(Reduction.MEAN, 1e-8);
    double[] grad = {(3 * 24.0 / 25 / 25 - 4.0 / 25), (4 * 24.0 / 25 / 25 - 3.0 / 25)};
    assertLoss(loss, matrix(1, 2, 3, 4), matrix(1, 2, 4, 3), 1 - 24.0 / 25, grad, 1e-15);
    assertLoss(
        loss,
        matrix(1, 2, 30, 40),
        matrix(1, 2, 4, 3),
        1 - 24.0 / 25,
        new double[] {grad[0] / 10, grad[1] / 10},
        1e-15);
  }

  @Test
  void aZeroOutputRowHasLossOneAndAFiniteGradient() {
    Loss loss = new CosineSimilarityLoss(Reduction.MEAN, 1e-8);
    assertFinite(loss, matrix(1, 3, 0, 0, 0), matrix(1, 3, 1, 2, 2));
    assertLoss(
        loss,
        matrix(1, 3, 0, 0, 0),
        matrix(1, 3, 1, 2, 2),
        1,
        new double[] {-1 / 3e-8, -2 / 3e-8, -2 / 3e-8},
        1e-15);
  }
}
