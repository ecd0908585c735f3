package io.dendrite.testkit;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;

/** The metric contract passes for a correct metric that keeps every value it sees. */
class MedianErrorMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new MetricFixtures.MedianErrorPlugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    return MetricFixtures.regression(rows, cols, rng);
  }

  @Override
  protected boolean keepsEveryRow() {
    return true;
  }
}
