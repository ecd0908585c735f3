package io.dendrite.metrics;

import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many rows of each true class went to each predicted class, over batches: what the confusion
 * matrix, precision, recall and F1 are made of.
 */
final class ConfusionCounts {
  private long[] counts = new long[0];
  private int cols = -1;
  private int classes;
  private long total;

  void reset() {
    Arrays.fill(counts, 0);
    cols = -1;
    total = 0;
  }

  void add(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    cols = Labels.sameColumns(cols, output.cols());
    int n = Labels.classCount(cols);
    if (n != classes) {
      classes = n;
      counts = new long[n * n];
    }
    for (int r = 0; r < output.rows(); r++) {
      counts[Labels.classOf(targets, r) * n + Labels.classOf(output, r)]++;
    }
    total += output.rows();
  }

  /** The number of classes; 0 before the first batch. */
  int classes() {
    return classes;
  }

  /** Rows counted since the last reset. */
  long total() {
    return total;
  }

  /** Rows of true class {@code actual} predicted as {@code predicted}. */
  long count(int actual, int predicted) {
    return counts[actual * classes + predicted];
  }

  /** Rows whose true class is {@code c}: its support. */
  long actual(int c) {
    long sum = 0;
    for (int p = 0; p < classes; p++) {
      sum += count(c, p);
    }
    return sum;
  }

  /** Rows predicted as {@code c}. */
  long predicted(int c) {
    long sum = 0;
    for (int a = 0; a < classes; a++) {
      sum += count(a, c);
    }
    return sum;
  }

  /** Rows whose predicted class is the true class. */
  long correct() {
    long sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += count(c, c);
    }
    return sum;
  }

  /** The counts as rows of doubles, true class by predicted class. */
  List<List<Double>> matrix() {
    List<List<Double>> rows = new ArrayList<>(classes);
    for (int a = 0; a < classes; a++) {
      List<Double> row = new ArrayList<>(classes);
      for (int p = 0; p < classes; p++) {
        row.add((double) count(a, p));
      }
      rows.add(row);
    }
    return rows;
  }
}
