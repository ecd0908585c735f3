package io.dendrite.testkit;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;

/** The metric contract passes for a correct classification metric on the default samples. */
class HitRateMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new MetricFixtures.HitRatePlugin();
  }
}
