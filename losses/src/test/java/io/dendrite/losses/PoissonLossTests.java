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
import org.junit.jupiter.api.Test;

class PoissonLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new PoissonLoss.Plugin();
  }

  /** Rates of at least 0.1 and counts from 0 to 5. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 0.1 + Math.exp(rng.nextGaussian()));
      targets.set(i, rng.nextInt(6));
    }
    return new Sample(outputs, targets);
  }

  /** Rates of 0 against positive counts, and huge rates against counts of 0. */
  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, targets.get(i) > 0 ? 0 : 1e30);
    }
    return out;
  }

  @Test
  void isRateMinusCountTimesLogRate() {
    double eps = 1e-8;
    assertLoss(
        new PoissonLoss(Reduction.MEAN, eps),
        matrix(1, 2, 2, 0.5),
        matrix(1, 2, 3, 0),
        (2 - 3 * Math.log(2 + eps) + 0.5) / 2,
        new double[] {(1 - 3 / (2 + eps)) / 2, 0.5},
        1e-15);
  }

  @Test
  void isFiniteForARateOfZero() {
    // The log of rate 0 is log(eps): about -18.4 for eps 1e-8.
    Loss loss = new PoissonLoss(Reduction.MEAN, 1e-8);
    assertFinite(loss, matrix(1, 3, 0, 0, 1), matrix(1, 3, 0, 4, 1));
    assertLoss(
        loss,
        matrix(1, 1, 0),
        matrix(1, 1, 4),
        -4 * Math.log(1e-8),
        new double[] {1 - 4 / 1e-8},
        1e-15);
  }
}
