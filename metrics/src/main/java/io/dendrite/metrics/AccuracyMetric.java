package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/**
 * The fraction of examples whose predicted class is the target class.
 *
 * <p>The predicted class is the output column with the largest value (the first one on ties); with
 * a single output column, it is whether the output is at least 0.5.
 */
public final class AccuracyMetric implements Metric {
  /** Registers the metric as {@code accuracy}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          "accuracy",
          "fraction of examples whose largest output is the target class",
          AccuracyMetric::new);
    }
  }

  private long correct;
  private long seen;

  @Override
  public void reset() {
    correct = 0;
    seen = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    for (int r = 0; r < output.rows(); r++) {
      if (Labels.classOf(output, r) == Labels.classOf(targets, r)) {
        correct++;
      }
    }
    seen += output.rows();
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(seen == 0 ? Double.NaN : (double) correct / seen);
  }
}
