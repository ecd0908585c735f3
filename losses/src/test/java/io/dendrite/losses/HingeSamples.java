package io.dendrite.losses;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract.Sample;

/** Scores and -1/1 targets for the hinge losses. */
final class HingeSamples {
  private HingeSamples() {}

  /** Twice standard-normal scores against random -1/1 targets. */
  static Sample signs(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 2 * rng.nextGaussian());
      targets.set(i, rng.nextInt(2) == 0 ? -1 : 1);
    }
    return new Sample(outputs, targets);
  }

  /** Scores of ±1e4 on the wrong side of every target. */
  static Matrix confidentlyWrong(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, targets.get(i) > 0 ? -1e4 : 1e4);
    }
    return out;
  }
}
