package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import org.junit.jupiter.api.Test;

class MaeLossTests extends RegressionLossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new MaeLoss.Plugin();
  }

  @Test
  void isTheMeanAbsoluteDifferenceWithASignGradientThatIsZeroAtZero() {
    assertLoss(
        new MaeLoss(Reduction.MEAN),
        matrix(1, 4, 1, -2, 3, 0.5),
        matrix(1, 4, 0, 1, 3, 1),
        (1 + 3 + 0 + 0.5) / 4,
        new double[] {0.25, -0.25, 0, -0.25},
        1e-15);
  }
}
