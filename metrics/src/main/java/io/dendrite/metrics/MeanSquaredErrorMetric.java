package io.dendrite.metrics;

import io.dendrite.core.spi.MetricPlugin;

/** The mean squared error, {@code mean (output - target)²} over every value of every column. */
public final class MeanSquaredErrorMetric extends MeanErrorMetric {
  /** Registers the metric as {@code mse}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("mse", "mean squared error over every value").aliases("mean_squared_error"),
          params -> new MeanSquaredErrorMetric());
    }
  }

  private MeanSquaredErrorMetric() {}

  @Override
  double error(double difference) {
    return difference * difference;
  }
}
