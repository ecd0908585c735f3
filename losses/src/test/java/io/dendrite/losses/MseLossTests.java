package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

class MseLossTests extends RegressionLossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new MseLoss.Plugin();
  }

  @Test
  void matchesPyTorchMeanOverAllValues() {
    // Computed by PyTorch 1.13 in float64: F.mse_loss(o, t) (reduction 'mean') and o.grad.
    Matrix o = matrix(2, 3, 1.0, 2.0, 3.0, 0.5, -1.0, 4.0);
    Matrix t = matrix(2, 3, 1.5, 2.0, 1.0, 0.0, 0.0, 3.0);
    double[] grad = {
      -0.16666666666666666, 0.0, 0.6666666666666666,
      0.16666666666666666, -0.3333333333333333, 0.3333333333333333
    };
    Loss mse = new MseLoss(Reduction.MEAN);
    assertLoss(mse, o, t, 1.0833333333333333, grad, 1e-15);
    assertLoss(mse, o.toFloats(), t.toFloats(), 1.0833333333333333, grad, 1e-7);
  }
}
