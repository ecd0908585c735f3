package io.dendrite.losses;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;

/** Rows of log-probabilities and of probabilities, for the losses that take log-probabilities. */
final class LogProbabilitySamples {
  private LogProbabilitySamples() {}

  /** Log-softmax of {@code scale} times standard-normal values, in float64. */
  static Matrix logProbabilities(int rows, int cols, double scale, Rng rng) {
    Matrix out = Matrix.doubles(rows, cols);
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        out.set(r, c, scale * rng.nextGaussian());
        max = Math.max(max, out.get(r, c));
      }
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        sum += Math.exp(out.get(r, c) - max);
      }
      double logSum = max + Math.log(sum);
      for (int c = 0; c < cols; c++) {
        out.set(r, c, out.get(r, c) - logSum);
      }
    }
    return out;
  }

  /** {@code log(m)} value by value: {@code -inf} where {@code m} is 0. */
  static Matrix log(Matrix m) {
    Matrix out = m.like(m.rows(), m.cols());
    for (int i = 0; i < m.size(); i++) {
      out.set(i, Math.log(m.get(i)));
    }
    return out;
  }

  /** Log-probabilities of a confident wrong answer: {@code -2e4} at each target class. */
  static Matrix confidentlyWrong(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, targets.get(i) > 0 ? -2e4 : (i % 2 == 0 ? 0 : -1e4));
    }
    return out;
  }
}
