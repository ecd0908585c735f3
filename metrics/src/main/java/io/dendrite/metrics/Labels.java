package io.dendrite.metrics;

import io.dendrite.core.tensor.Matrix;

/** Which class a row of outputs or targets stands for, decided the same way by every metric. */
final class Labels {
  private Labels() {}

  /** The classes in rows of {@code cols} columns: a single column holds two, 0 and 1. */
  static int classCount(int cols) {
    return cols == 1 ? 2 : cols;
  }

  /**
   * The class of a row: the column with the largest value (the first one on ties) or, with a single
   * column, 1 when the value is at least 0.5 and 0 otherwise.
   */
  static int classOf(Matrix m, int row) {
    int n = m.cols();
    if (n == 1) {
      return m.get(row, 0) >= 0.5 ? 1 : 0;
    }
    int best = 0;
    double bestValue = m.get(row, 0);
    for (int c = 1; c < n; c++) {
      double v = m.get(row, c);
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    return best;
  }

  /**
   * Throws unless {@code cols} is the column count {@code expected} of the earlier batches (-1 when
   * there were none); returns it.
   */
  static int sameColumns(int expected, int cols) {
    if (expected >= 0 && expected != cols) {
      throw new IllegalArgumentException(
          "a batch of " + cols + " columns after batches of " + expected + "; reset first");
    }
    return cols;
  }
}
