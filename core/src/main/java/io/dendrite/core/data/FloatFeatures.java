package io.dendrite.core.data;

import io.dendrite.core.tensor.Matrix;

/** Features held as float32 values, row-major. */
final class FloatFeatures implements Features {
  private final Matrix values;

  FloatFeatures(Matrix values) {
    if (values.isDouble()) {
      throw new IllegalArgumentException("features are float32");
    }
    this.values = values;
  }

  @Override
  public int rows() {
    return values.rows();
  }

  @Override
  public int cols() {
    return values.cols();
  }

  @Override
  public void copyRow(int row, float[] into, int offset) {
    int n = values.cols();
    System.arraycopy(values.floats(), row * n, into, offset, n);
  }

  @Override
  public Features select(int[] rows) {
    Matrix m = Matrix.floats(rows.length, cols());
    for (int i = 0; i < rows.length; i++) {
      copyRow(rows[i], m.floats(), i * cols());
    }
    return new FloatFeatures(m);
  }

  @Override
  public long bytes() {
    return 4L * values.size();
  }
}
