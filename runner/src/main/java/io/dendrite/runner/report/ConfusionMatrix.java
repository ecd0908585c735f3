package io.dendrite.runner.report;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A confusion matrix from the test evaluation: counts of true class (rows) by predicted class
 * (columns), with the class names.
 *
 * @param metric the name of the metric that measured it
 * @param counts square, one row per true class
 * @param labels the name of each class, in class order
 */
record ConfusionMatrix(String metric, List<List<Double>> counts, List<String> labels) {
  /** The {@link #metric} of a matrix counted from the predictions, not measured by a metric. */
  static final String FROM_PREDICTIONS = "test predictions";

  /**
   * The matrix of the first metric of {@code test} that has a square one; classes are named by
   * {@code classNames} when they match in number, else by their index.
   */
  static Optional<ConfusionMatrix> of(Evaluation test, List<String> classNames) {
    for (Map.Entry<String, MetricValue> m : test.metrics().entrySet()) {
      List<List<Double>> rows = m.getValue().matrix();
      if (!rows.isEmpty() && rows.stream().allMatch(r -> r.size() == rows.size())) {
        return Optional.of(new ConfusionMatrix(m.getKey(), rows, labels(classNames, rows.size())));
      }
    }
    return Optional.empty();
  }

  /**
   * The matrix counted from {@code predictions} over {@code classes} classes, for a run whose
   * metrics measured none ({@code metrics: [accuracy]}); its {@link #metric} is {@link
   * #FROM_PREDICTIONS}.
   */
  static ConfusionMatrix of(Predictions predictions, List<String> classNames, int classes) {
    double[][] counts = new double[classes][classes];
    for (int i = 0; i < predictions.size(); i++) {
      int truth = predictions.truth()[i];
      int predicted = predictions.predicted()[i];
      if (truth < classes && predicted < classes) {
        counts[truth][predicted]++;
      }
    }
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : counts) {
      List<Double> r = new ArrayList<>();
      for (double v : row) {
        r.add(v);
      }
      rows.add(r);
    }
    return new ConfusionMatrix(FROM_PREDICTIONS, rows, labels(classNames, classes));
  }

  /** Whether a metric measured the matrix, rather than the report counting it. */
  boolean measured() {
    return !metric.equals(FROM_PREDICTIONS);
  }

  /** {@code classNames} when there is one per class, else the class indices. */
  static List<String> labels(List<String> classNames, int classes) {
    if (classNames.size() == classes) {
      return classNames;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      labels.add(Integer.toString(i));
    }
    return labels;
  }

  int size() {
    return counts.size();
  }

  double count(int truth, int predicted) {
    return counts.get(truth).get(predicted);
  }

  /** The examples of class {@code truth}. */
  double rowTotal(int truth) {
    double sum = 0;
    for (double v : counts.get(truth)) {
      sum += v;
    }
    return sum;
  }

  /** The largest cell: the top of the colour scale. */
  double max() {
    double max = 0;
    for (List<Double> row : counts) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}
