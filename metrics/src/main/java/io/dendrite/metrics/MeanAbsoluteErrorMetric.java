package io.dendrite.metrics;

import io.dendrite.core.spi.MetricPlugin;

/** The mean absolute error, {@code mean |output - target|} over every value of every column. */
public final class MeanAbsoluteErrorMetric extends MeanErrorMetric {
  /** Registers the metric as {@code mae}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("mae", "mean absolute error over every value").aliases("mean_absolute_error"),
          params -> new MeanAbsoluteErrorMetric());
    }
  }

  private MeanAbsoluteErrorMetric() {}

  @Override
  double error(double difference) {
    return Math.abs(difference);
  }
}
