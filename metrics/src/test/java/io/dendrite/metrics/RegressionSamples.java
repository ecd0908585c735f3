package io.dendrite.metrics;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract.Sample;

/** Regression data for the metric contract: targets of several scales and noisy outputs. */
final class RegressionSamples {
  private RegressionSamples() {}

  /** Targets around a column-dependent offset, outputs within about one unit of them. */
  static Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double t = 3 * c + (1 + c) * rng.nextGaussian();
        targets.set(r, c, t);
        outputs.set(r, c, t + rng.nextGaussian());
      }
    }
    return new Sample(outputs, targets);
  }
}
