package io.dendrite.core.metrics;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;

/** The {@code accuracy} plugin. */
public final class AccuracyPlugin implements MetricPlugin {
  @Override
  public String id() {
    return "accuracy";
  }

  @Override
  public String summary() {
    return "fraction of examples whose largest output is the target class";
  }

  @Override
  public Metric create(Params params) {
    return new AccuracyMetric();
  }
}
