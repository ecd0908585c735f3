package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import org.junit.jupiter.api.Test;

class HuberLossTests extends RegressionLossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new HuberLoss.Plugin();
  }

  @Test
  void isQuadraticWithinDeltaAndLinearBeyond() {
    // d = 0.5, -3, 2 with delta 2: 0.125, 2 (3 - 1) = 4, and 2 (2 - 1) = 2 at the seam.
    assertLoss(
        new HuberLoss(Reduction.SUM, 2),
        matrix(1, 3, 0.5, -3, 2),
        matrix(1, 3, 0, 0, 0),
        0.125 + 4 + 2,
        new double[] {0.5, -2, 2},
        1e-15);
  }
}
