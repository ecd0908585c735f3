package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/**
 * The mean cross-entropy of the output probabilities against the targets: smaller is better.
 *
 * <p>Per example, {@code -Σ t log p} over the columns; with a single column, {@code -(t log p + (1
 * - t) log(1 - p))}. Probabilities are clipped to {@code [1e-15, 1 - 1e-15]} first, as
 * scikit-learn's {@code log_loss} did with its {@code eps=1e-15}, so that a confident wrong answer
 * costs about 34.5 and never infinity. Columns whose target is 0 add nothing, whatever their
 * output. Outputs are taken as they are: rows are not renormalized to sum to 1.
 */
public final class LogLossMetric implements Metric {
  /** The smallest probability an output counts as. */
  static final double EPSILON = 1e-15;

  /** Registers the metric as {@code log_loss}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("log_loss", "mean cross-entropy of the output probabilities against the targets"),
          params -> new LogLossMetric());
    }
  }

  private final CompensatedSum sum = new CompensatedSum();
  private long seen;

  private LogLossMetric() {}

  @Override
  public void reset() {
    sum.reset();
    seen = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    int cols = output.cols();
    for (int r = 0; r < output.rows(); r++) {
      if (cols == 1) {
        double p = clip(output.get(r, 0));
        double t = targets.get(r, 0);
        sum.add(-(xlog(t, p) + xlog(1 - t, 1 - p)));
        continue;
      }
      double row = 0;
      for (int c = 0; c < cols; c++) {
        row += xlog(targets.get(r, c), clip(output.get(r, c)));
      }
      sum.add(-row);
    }
    seen += output.rows();
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
  }

  /** {@code t log p}, and 0 when {@code t} is 0. */
  private static double xlog(double t, double p) {
    return t == 0 ? 0 : t * Math.log(p);
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(seen == 0 ? Double.NaN : sum.value() / seen);
  }

  @Override
  public Goal goal() {
    return Goal.MINIMIZE;
  }
}
