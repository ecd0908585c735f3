package io.dendrite.metrics;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.MetricPlugin;

/**
 * Recall, tp / (tp + fn): the fraction of the examples of a class that are predicted as it.
 *
 * <p>{@code perClass} holds the score of each class; the headline is their mean ({@code macro}),
 * the score of the counts pooled over classes ({@code micro}, the accuracy when each example has
 * one class), or their mean weighted by each class's number of examples ({@code weighted}). A class
 * never predicted or never present scores 0 where its denominator is 0, as scikit-learn's {@code
 * zero_division=0}.
 */
public final class RecallMetric extends ClassScoreMetric {
  /** Registers the metric as {@code recall}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("recall", "tp / (tp + fn) of each class, averaged into the headline")
              .params(AVERAGE),
          RecallMetric::new);
    }
  }

  private RecallMetric(Params params) {
    super(params);
  }

  @Override
  double score(long truePositives, long falsePositives, long falseNegatives) {
    return ratio(truePositives, truePositives + falseNegatives);
  }
}
