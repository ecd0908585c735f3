package io.dendrite.testkit;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;

/** The metric contract passes for a correct regression metric with its own samples. */
class MeanErrorMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new MetricFixtures.MeanErrorPlugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    return MetricFixtures.regression(rows, cols, rng);
  }
}
