package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/**
 * The confusion matrix: how many examples of each true class (rows) went to each predicted class
 * (columns); its headline is the accuracy, the fraction on the diagonal.
 *
 * <p>Classes are decided as for {@code accuracy}: the largest column, the first one on ties; a
 * single column is two classes, 0 and 1, by whether the value is at least 0.5.
 */
public final class ConfusionMatrixMetric implements Metric {
  /** Registers the metric as {@code confusion_matrix}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          "confusion_matrix",
          "counts of true class by predicted class; the headline is the accuracy",
          ConfusionMatrixMetric::new);
    }
  }

  private final ConfusionCounts counts = new ConfusionCounts();

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
    return MetricValue.of((double) counts.correct() / counts.total()).withMatrix(counts.matrix());
  }
}
