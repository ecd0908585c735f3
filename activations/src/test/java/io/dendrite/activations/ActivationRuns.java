package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.tensor.Matrix;

/** Forward and backward on fresh buffers, for value tests. */
final class ActivationRuns {
  private ActivationRuns() {}

  static Matrix forward(Activation activation, Matrix z) {
    Matrix a = z.like(z.rows(), z.cols());
    activation.forward(z, a);
    return a;
  }

  static Matrix backward(Activation activation, Matrix z, Matrix gradA) {
    Matrix gradZ = z.like(z.rows(), z.cols());
    activation.backward(z, forward(activation, z), gradA, gradZ);
    return gradZ;
  }

  /** A float64 row. */
  static Matrix row(double... values) {
    return Matrix.wrap(1, values.length, values.clone());
  }

  /** A float32 row. */
  static Matrix floatRow(double... values) {
    return row(values).toFloats();
  }

  static double[] values(Matrix m) {
    double[] out = new double[m.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = m.get(i);
    }
    return out;
  }
}
