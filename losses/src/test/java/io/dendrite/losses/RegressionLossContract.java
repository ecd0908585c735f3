package io.dendrite.losses;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.OptionalDouble;

/** {@link LossContract} for regression losses: any real outputs and targets, 0 when they match. */
abstract class RegressionLossContract extends LossContract {
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

  /** Differences of about ±1e4. */
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
}
