package io.dendrite.metrics;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.MetricPlugin;

/**
 * Precision, tp / (tp + fp): the fraction of the examples predicted as a class that are of it.
 *
 * <p>{@code perClass} holds the score of each class; the headline is their mean ({@code macro}),
 * the score of the counts pooled over classes ({@code micro}, the accuracy when each example has
 * one class), or their mean weighted by each class's number of examples ({@code weighted}). A class
 * never predicted or never present scores 0 where its denominator is 0, as scikit-learn's {@code
 * zero_division=0}.
 */
public final class PrecisionMetric extends ClassScoreMetric {
  /** Registers the metric as {@code precision}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("precision", "tp / (tp + fp) of each class, averaged into the headline")
              .params(AVERAGE),
          PrecisionMetric::new);
    }
  }

  private PrecisionMetric(Params params) {
    super(params);
  }

  @Override
  double score(long truePositives, long falsePositives, long falseNegatives) {
    return ratio(truePositives, truePositives + falsePositives);
  }
}
