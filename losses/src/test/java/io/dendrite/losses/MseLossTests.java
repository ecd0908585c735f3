package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MseLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new MseLoss.Plugin();
  }

  /** Regression: any real outputs and targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 3 * rng.nextGaussian());
      targets.set(i, 3 * rng.nextGaussian());
    }
    return new Sample(outputs, targets);
  }

  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, i % 2 == 0 ? 1e4 : -1e4);
    }
    return out;
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
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
    assertLoss(new MseLoss(), o, t, 1.0833333333333333, grad, 1e-15);
    assertLoss(new MseLoss(), o.toFloats(), t.toFloats(), 1.0833333333333333, grad, 1e-7);
  }
}
