package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import java.util.Arrays;

/**
 * The coefficient of determination R², averaged over the columns: 1 is perfect, larger is better.
 *
 * <p>For each column, {@code 1 - Σ (target - output)² / Σ (target - mean target)²}; the headline is
 * the mean over columns, as scikit-learn's {@code r2_score} with {@code
 * multioutput='uniform_average'}. A column whose targets are all equal scores 1 when predicted
 * exactly and 0 otherwise (scikit-learn's {@code force_finite=True}); with fewer than two rows the
 * value is NaN, as there.
 *
 * <p>The spread of the targets is accumulated one value at a time (Welford's method, on the targets
 * less the column's first target), so that a column far from 0 loses no precision and the result
 * does not depend on how rows are batched.
 */
public final class R2Metric implements Metric {
  /** Registers the metric as {@code r2}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("r2", "coefficient of determination, averaged over the columns")
              .aliases("r2_score"),
          params -> new R2Metric());
    }
  }

  private double[] shift = new double[0];
  private double[] mean = new double[0];
  private double[] spread = new double[0];
  private double[] residual = new double[0];
  private double[] residualCompensation = new double[0];
  private int cols = -1;
  private long rows;

  private R2Metric() {}

  @Override
  public void reset() {
    Arrays.fill(shift, 0);
    Arrays.fill(mean, 0);
    Arrays.fill(spread, 0);
    Arrays.fill(residual, 0);
    Arrays.fill(residualCompensation, 0);
    cols = -1;
    rows = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    cols = Labels.sameColumns(cols, output.cols());
    if (mean.length != cols) {
      shift = new double[cols];
      mean = new double[cols];
      spread = new double[cols];
      residual = new double[cols];
      residualCompensation = new double[cols];
    }
    for (int r = 0; r < output.rows(); r++) {
      if (rows == 0) {
        for (int c = 0; c < cols; c++) {
          shift[c] = targets.get(r, c);
        }
      }
      rows++;
      for (int c = 0; c < cols; c++) {
        double target = targets.get(r, c);
        double t = target - shift[c];
        double delta = t - mean[c];
        mean[c] += delta / rows;
        spread[c] += delta * (t - mean[c]);
        double e = target - output.get(r, c);
        addResidual(c, e * e);
      }
    }
  }

  /** Neumaier's compensated sum, per column. */
  private void addResidual(int c, double x) {
    double sum = residual[c];
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      residualCompensation[c] += (sum - t) + x;
    } else {
      residualCompensation[c] += (x - t) + sum;
    }
    residual[c] = t;
  }

  @Override
  public MetricValue result() {
    if (rows < 2) {
      return MetricValue.of(Double.NaN);
    }
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      double res = residual[c] + residualCompensation[c];
      double tot = spread[c];
      sum += tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }
    return MetricValue.of(sum / cols);
  }
}
