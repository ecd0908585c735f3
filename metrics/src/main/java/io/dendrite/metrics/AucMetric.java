package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The area under the ROC curve, one class against the rest, averaged over the classes (macro).
 *
 * <p>The AUC of a class is the probability that an example of it scores higher, in that class's
 * output column, than an example of another class, ties counting one half: the trapezoid rule of
 * scikit-learn's {@code roc_auc_score}, computed exactly from ranks. {@code perClass} holds the AUC
 * of each class. A class that is never the target, or always, has no AUC: its value is NaN, and the
 * headline averages the classes that have one (NaN when none has). With a single column, the output
 * is the score of class 1; both classes then have the same AUC. The true class of a row is decided
 * as for {@code accuracy}.
 *
 * <p>Every score is kept until the result is read, in buffers that double when full and are reused
 * after a reset.
 */
public final class AucMetric implements Metric {
  /** Registers the metric as {@code auc}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("auc", "area under the ROC curve, one class against the rest, macro average")
              .aliases("roc_auc"),
          params -> new AucMetric());
    }
  }

  private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

  private int[] labels = new int[0];
  private double[] scores = new double[0];
  private int cols = -1;
  private int rows;

  private AucMetric() {}

  @Override
  public void reset() {
    cols = -1;
    rows = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    cols = Labels.sameColumns(cols, output.cols());
    int n = output.rows();
    reserve(rows + n);
    for (int r = 0; r < n; r++) {
      labels[rows + r] = Labels.classOf(targets, r);
    }
    int base = rows * cols;
    for (int i = 0; i < n * cols; i++) {
      scores[base + i] = output.get(i);
    }
    rows += n;
  }

  /** Room for {@code needed} rows: capacity doubles, so that keeping every row costs O(rows). */
  private void reserve(int needed) {
    int maxRows = MAX_VALUES / Math.max(cols, 1);
    if (needed > maxRows) {
      throw new IllegalStateException(
          "auc cannot keep more than " + maxRows + " rows of " + cols + " columns");
    }
    if (needed > labels.length) {
      int capacity = (int) Math.min(Math.max(needed, 2L * labels.length), maxRows);
      labels = Arrays.copyOf(labels, capacity);
    }
    if ((long) labels.length * cols > scores.length) {
      scores = Arrays.copyOf(scores, labels.length * cols);
    }
  }

  @Override
  public MetricValue result() {
    if (rows == 0) {
      return MetricValue.of(Double.NaN);
    }
    double[] positives = new double[rows];
    double[] negatives = new double[rows];
    if (cols == 1) {
      double auc = auc(1, 0, positives, negatives);
      return MetricValue.of(auc).withPerClass(List.of(auc, auc));
    }
    List<Double> perClass = new ArrayList<>(cols);
    double sum = 0;
    int defined = 0;
    for (int c = 0; c < cols; c++) {
      double auc = auc(c, c, positives, negatives);
      perClass.add(auc);
      if (!Double.isNaN(auc)) {
        sum += auc;
        defined++;
      }
    }
    return MetricValue.of(defined == 0 ? Double.NaN : sum / defined).withPerClass(perClass);
  }

  /** The AUC of class {@code label} scored by column {@code col}, in the two scratch arrays. */
  private double auc(int label, int col, double[] positives, double[] negatives) {
    int p = 0;
    int n = 0;
    for (int r = 0; r < rows; r++) {
      double s = scores[r * cols + col];
      if (labels[r] == label) {
        positives[p++] = s;
      } else {
        negatives[n++] = s;
      }
    }
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    Arrays.sort(positives, 0, p);
    Arrays.sort(negatives, 0, n);
    if (Double.isNaN(positives[p - 1]) || Double.isNaN(negatives[n - 1])) {
      return Double.NaN; // sorted last: a NaN score anywhere
    }
    // For each positive, the negatives below it count 1 and those equal to it 1/2: summed twice
    // over, below + (below + equal), in integers, so the only rounding is the final division.
    long twice = 0;
    int below = 0;
    int notAbove = 0;
    for (int i = 0; i < p; i++) {
      double s = positives[i];
      while (below < n && negatives[below] < s) {
        below++;
      }
      if (notAbove < below) {
        notAbove = below;
      }
      while (notAbove < n && negatives[notAbove] <= s) {
        notAbove++;
      }
      twice += below + notAbove;
    }
    return twice / (2.0 * p * n);
  }
}
