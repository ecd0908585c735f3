package io.dendrite.metrics;

import io.dendrite.core.spi.MetricPlugin;

/**
 * The root mean squared error, {@code sqrt(mean (output - target)²)} over every value of every
 * column.
 *
 * <p>One mean over all values, then the root: with several columns this is not scikit-learn's
 * {@code root_mean_squared_error} (the mean of the columns' roots) but the square root of its
 * {@code mean_squared_error}.
 */
public final class RootMeanSquaredErrorMetric extends MeanErrorMetric {
  /** Registers the metric as {@code rmse}. */
  public static final class Plugin extends MetricPlugin.Base {
    public Plugin() {
      super(
          declare("rmse", "root of the mean squared error over every value")
              .aliases("root_mean_squared_error"),
          params -> new RootMeanSquaredErrorMetric());
    }
  }

  private RootMeanSquaredErrorMetric() {}

  @Override
  double error(double difference) {
    return difference * difference;
  }

  @Override
  double headline(double mean) {
    return Math.sqrt(mean);
  }
}
