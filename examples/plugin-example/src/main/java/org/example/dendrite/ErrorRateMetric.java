package org.example.dendrite;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/** The fraction of examples classified wrongly: 1 - accuracy, so lower is better. */
public final class ErrorRateMetric implements Metric {
  /** Registers the metric as {@code error_rate}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super("error_rate", "fraction of examples classified wrongly", ErrorRateMetric::new);
    }
  }

  private long seen;
  private long wrong;

  @Override
  public void reset() {
    seen = 0;
    wrong = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    for (int r = 0; r < output.rows(); r++) {
      if (largest(output, r) != largest(targets, r)) {
        wrong++;
      }
    }
    seen += output.rows();
  }

  /**
   * The class of row {@code r}: the column of its largest value (the first of equals), or for a
   * single column of probabilities, whether it is at least one half.
   */
  private static int largest(Matrix m, int r) {
    if (m.cols() == 1) {
      return m.get(r, 0) >= 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < m.cols(); c++) {
      if (m.get(r, c) > m.get(r, best)) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(seen == 0 ? Double.NaN : (double) wrong / seen);
  }

  @Override
  public Goal goal() {
    return Goal.MINIMIZE;
  }
}
