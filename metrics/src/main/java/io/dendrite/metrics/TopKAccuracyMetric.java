package io.dendrite.metrics;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/**
 * The fraction of examples whose target class is among the {@code k} largest outputs.
 *
 * <p>Ties go to the lower column, as in {@code accuracy}, so that {@code k: 1} is the accuracy: the
 * target class is a hit when fewer than {@code k} columns have a larger output or an equal one
 * before it. {@code k} is capped at the number of classes (a single column is two classes, and
 * {@code k: 1} then thresholds the output at 0.5).
 */
public final class TopKAccuracyMetric implements Metric {
  static final Param<Integer> K =
      Param.integer("k", 5, "how many of the largest outputs may hold the target class").atLeast(1);

  /** Registers the metric as {@code top_k_accuracy}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "top_k_accuracy",
                  "fraction of examples whose target is among the k largest outputs")
              .params(K),
          TopKAccuracyMetric::new);
    }
  }

  private final int k;
  private long hits;
  private long seen;

  private TopKAccuracyMetric(Params params) {
    k = params.get(K);
  }

  @Override
  public void reset() {
    hits = 0;
    seen = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    int cols = output.cols();
    for (int r = 0; r < output.rows(); r++) {
      if (isHit(output, targets, r, cols)) {
        hits++;
      }
    }
    seen += output.rows();
  }

  private boolean isHit(Matrix output, Matrix targets, int r, int cols) {
    if (k >= Labels.classCount(cols)) {
      return true;
    }
    if (cols == 1) {
      return Labels.classOf(output, r) == Labels.classOf(targets, r);
    }
    int target = Labels.classOf(targets, r);
    double score = output.get(r, target);
    if (Double.isNaN(score)) {
      return false;
    }
    int ahead = 0;
    for (int c = 0; c < cols; c++) {
      double v = output.get(r, c);
      if (v > score || (v == score && c < target)) {
        ahead++;
      }
    }
    return ahead < k;
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(seen == 0 ? Double.NaN : (double) hits / seen);
  }
}
