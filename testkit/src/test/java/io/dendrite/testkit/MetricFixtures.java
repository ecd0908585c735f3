package io.dendrite.testkit;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import java.util.Arrays;
import java.util.function.Supplier;

/** Small, correct metrics that the metric contract is run against, and ways to break them. */
final class MetricFixtures {
  private MetricFixtures() {}

  /** Mean absolute error over every value: a regression metric, smaller is better. */
  static class MeanError implements Metric {
    double sum;
    long count;

    @Override
    public void reset() {
      sum = 0;
      count = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      output.requireSameShape(targets);
      for (int i = 0; i < output.size(); i++) {
        sum += Math.abs(output.get(i) - targets.get(i));
      }
      count += output.size();
    }

    @Override
    public MetricValue result() {
      return MetricValue.of(count == 0 ? Double.NaN : sum / count);
    }

    @Override
    public Goal goal() {
      return Goal.MINIMIZE;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class MeanErrorPlugin implements MetricPlugin {
    @Override
    public String id() {
      return "test_mean_error";
    }

    @Override
    public Metric create(Params params) {
      return new MeanError();
    }
  }

  /** Median absolute error: keeps every value, in a buffer that doubles when it is full. */
  static class MedianError implements Metric {
    double[] values = new double[0];
    int size;

    @Override
    public void reset() {
      size = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      output.requireSameShape(targets);
      reserve(size + output.size());
      for (int i = 0; i < output.size(); i++) {
        values[size++] = Math.abs(output.get(i) - targets.get(i));
      }
    }

    void reserve(int needed) {
      if (needed > values.length) {
        values = Arrays.copyOf(values, Math.max(needed, 2 * values.length));
      }
    }

    @Override
    public MetricValue result() {
      if (size == 0) {
        return MetricValue.of(Double.NaN);
      }
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int mid = size / 2;
      return MetricValue.of(size % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    @Override
    public Goal goal() {
      return Goal.MINIMIZE;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class MedianErrorPlugin implements MetricPlugin {
    @Override
    public String id() {
      return "test_median_error";
    }

    @Override
    public Metric create(Params params) {
      return new MedianError();
    }
  }

  /**
   * The fraction of rows whose largest output is the target class, with one column whether the
   * output is at least 0.5 as the target is; per-class hit counts show the structured parts.
   */
  static class HitRate implements Metric {
    long hits;
    long seen;

    @Override
    public void reset() {
      hits = 0;
      seen = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      output.requireSameShape(targets);
      for (int r = 0; r < output.rows(); r++) {
        if (classOf(output, r) == classOf(targets, r)) {
          hits++;
        }
      }
      seen += output.rows();
    }

    static int classOf(Matrix m, int row) {
      if (m.cols() == 1) {
        return m.get(row, 0) >= 0.5 ? 1 : 0;
      }
      int best = 0;
      for (int c = 1; c < m.cols(); c++) {
        if (m.get(row, c) > m.get(row, best)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public MetricValue result() {
      return MetricValue.of(seen == 0 ? Double.NaN : (double) hits / seen);
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class HitRatePlugin implements MetricPlugin {
    @Override
    public String id() {
      return "test_hit_rate";
    }

    @Override
    public Metric create(Params params) {
      return new HitRate();
    }
  }

  /** Standard-normal outputs and targets, for regression metrics. */
  static MetricContract.Sample regression(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, rng.nextGaussian());
      targets.set(i, rng.nextGaussian());
    }
    return new MetricContract.Sample(outputs, targets);
  }

  /** A metric plugin, not registered anywhere, that makes instances with {@code factory}. */
  static io.dendrite.core.spi.Plugin<Metric> plugin(Supplier<Metric> factory) {
    return new io.dendrite.core.spi.Plugin<>() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public Metric create(Params params) {
        return factory.get();
      }
    };
  }
}
