package io.dendrite.metrics;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.MetricPlugin;

/**
 * F1 score, 2 tp / (2 tp + fp + fn): the harmonic mean of precision and recall.
 *
 * <p>{@code perClass} holds the score of each class; the headline is their mean ({@code macro}),
 * the score of the counts pooled over classes ({@code micro}, the accuracy when each example has
 * one class), or their mean weighted by each class's number of examples ({@code weighted}). A class
 * never predicted or never present scores 0 where its denominator is 0, as scikit-learn's {@code
 * zero_division=0}.
 */
public final class F1Metric extends ClassScoreMetric {
  /** Registers the metric as {@code f1}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("f1", "harmonic mean of precision and recall of each class, averaged")
              .params(AVERAGE),
          F1Metric::new);
    }
  }

  private F1Metric(Params params) {
    super(params);
  }

  @Override
  double score(long truePositives, long falsePositives, long falseNegatives) {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }
}
