package io.dendrite.losses;

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

class SquaredHingeLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new SquaredHingeLoss.Plugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    return HingeSamples.signs(rows, cols, rng);
  }

  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    return HingeSamples.confidentlyWrong(targets);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void isTheMeanSquaredMarginViolationWithZeroOneTargetsMapped() {
    // Targets 1, 0, 1, 0 are read as 1, -1, 1, -1: margins 0 (clipped), 1.5, 0.75, 0 (clipped).
    assertLoss(
        new SquaredHingeLoss(Reduction.MEAN),
        matrix(1, 4, 2, 0.5, 0.25, -3),
        matrix(1, 4, 1, 0, 1, 0),
        (1.5 * 1.5 + 0.75 * 0.75) / 4,
        new double[] {0, 2 * 1.5 / 4, -2 * 0.75 / 4, 0},
        1e-15);
  }
}
