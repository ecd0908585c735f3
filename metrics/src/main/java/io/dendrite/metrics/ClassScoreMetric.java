package io.dendrite.metrics;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A score of each class from its true positives, false positives and false negatives, averaged into
 * a headline: what precision, recall and F1 share.
 *
 * <p>Classes are decided as for {@code accuracy}; a single column is two classes, 0 and 1. A score
 * whose denominator is 0 (a class never predicted, or never present) is 0, as scikit-learn's {@code
 * zero_division=0}.
 */
abstract class ClassScoreMetric implements Metric {
  static final Param<String> AVERAGE =
      Param.choice(
          "average",
          "macro",
          "headline from the classes: macro (mean), micro (pooled counts), weighted (by support)",
          "macro",
          "micro",
          "weighted");

  /** How the per-class scores make the headline. */
  private enum Average {
    MACRO,
    MICRO,
    WEIGHTED
  }

  private final ConfusionCounts counts = new ConfusionCounts();
  private final Average average;

  ClassScoreMetric(Params params) {
    average = Average.valueOf(params.get(AVERAGE).toUpperCase(Locale.ROOT));
  }

  /** The score from counts of one class, or of every class pooled for the micro average. */
  abstract double score(long truePositives, long falsePositives, long falseNegatives);

  /** {@code numerator / denominator}, or 0 when the denominator is 0. */
  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  @Override
  public void reset() {
    counts.reset();
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    counts.add(output, targets);
  }

  @Override
  public MetricValue result() {
    if (counts.total() == 0) {
      return MetricValue.of(Double.NaN);
    }
    int n = counts.classes();
    List<Double> perClass = new ArrayList<>(n);
    double sum = 0;
    double weighted = 0;
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (int c = 0; c < n; c++) {
      long tp = counts.count(c, c);
      long fp = counts.predicted(c) - tp;
      long support = counts.actual(c);
      long fn = support - tp;
      double s = score(tp, fp, fn);
      perClass.add(s);
      sum += s;
      weighted += support * s;
      truePositives += tp;
      falsePositives += fp;
      falseNegatives += fn;
    }
    double headline =
        switch (average) {
          case MACRO -> sum / n;
          case MICRO -> score(truePositives, falsePositives, falseNegatives);
          case WEIGHTED -> weighted / counts.total();
        };
    return MetricValue.of(headline).withPerClass(perClass);
  }
}
