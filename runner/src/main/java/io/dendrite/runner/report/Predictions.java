package io.dendrite.runner.report;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.nn.Network;
import io.dendrite.core.tensor.Matrix;

/**
 * The class the trained network gives each example, beside the example's true class.
 *
 * <p>Classes are read as the metrics read them: the largest column, the first one on ties; a single
 * column is two classes, 1 when the value is at least 0.5.
 *
 * @param truth the true class of each example
 * @param predicted the network's class of each example
 */
record Predictions(int[] truth, int[] predicted) {
  /**
   * Runs {@code network} over {@code examples} in batches of at most {@code batchRows}, the most
   * its buffers hold (the experiment's batch size).
   */
  static Predictions of(Network network, Examples examples, int batchRows) {
    int n = examples.size();
    int width = network.inputSize();
    int[] truth = new int[n];
    int[] predicted = new int[n];
    Matrix batch = Matrix.floats(Math.max(1, Math.min(batchRows, n)), width);
    Features features = examples.features();
    for (int from = 0; from < n; from += batch.capacityRows()) {
      int rows = Math.min(batch.capacityRows(), n - from);
      batch.setRows(rows);
      for (int i = 0; i < rows; i++) {
        features.copyRow(from + i, batch.floats(), i * width);
      }
      Matrix output = network.forward(batch, false);
      for (int i = 0; i < rows; i++) {
        predicted[from + i] = classOf(output, i);
        truth[from + i] = classOf(examples.targets(), from + i);
      }
    }
    return new Predictions(truth, predicted);
  }

  static int classOf(Matrix m, int row) {
    if (m.cols() == 1) {
      return m.get(row, 0) >= 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < m.cols(); c++) {
      if (m.get(row, c) > m.get(row, best)) {
        best = c;
      }
    }
    return best;
  }

  int size() {
    return truth.length;
  }

  /** How many examples the network gets wrong. */
  int errors() {
    int errors = 0;
    for (int i = 0; i < truth.length; i++) {
      errors += truth[i] == predicted[i] ? 0 : 1;
    }
    return errors;
  }

  /** The first {@code limit} wrongly classified examples, by row number. */
  int[] misclassified(int limit) {
    int[] rows = new int[Math.min(limit, errors())];
    int found = 0;
    for (int i = 0; i < truth.length && found < rows.length; i++) {
      if (truth[i] != predicted[i]) {
        rows[found++] = i;
      }
    }
    return rows;
  }

  /** The examples of each class, by true class, over {@code classes} classes. */
  long[] support(int classes) {
    long[] counts = new long[classes];
    for (int t : truth) {
      if (t < classes) {
        counts[t]++;
      }
    }
    return counts;
  }
}
