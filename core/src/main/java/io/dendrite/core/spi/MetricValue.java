package io.dendrite.core.spi;

import java.util.List;

/**
 * What a metric measured: a headline number, and optionally one value per class or a matrix.
 *
 * <p>{@code metrics.csv} holds the headline number; {@code metrics.json} everything, with the
 * data's class names.
 *
 * @param value the headline number (NaN when nothing was measured)
 * @param perClass one value per class, in class order; empty when the metric has none
 * @param matrix rows of values, such as a confusion matrix (true class by predicted class); empty
 *     when the metric has none
 */
public record MetricValue(double value, List<Double> perClass, List<List<Double>> matrix) {
  /** Copies the lists, so a value never changes. */
  public MetricValue {
    perClass = List.copyOf(perClass);
    matrix = matrix.stream().map(List::copyOf).toList();
  }

  /** Just a number. */
  public static MetricValue of(double value) {
    return new MetricValue(value, List.of(), List.of());
  }

  /** This value with one value per class. */
  public MetricValue withPerClass(List<Double> values) {
    return new MetricValue(value, values, matrix);
  }

  /** This value with a matrix. */
  public MetricValue withMatrix(List<List<Double>> rows) {
    return new MetricValue(value, perClass, rows);
  }

  /** True when there is more than the headline number. */
  public boolean isStructured() {
    return !perClass.isEmpty() || !matrix.isEmpty();
  }
}
