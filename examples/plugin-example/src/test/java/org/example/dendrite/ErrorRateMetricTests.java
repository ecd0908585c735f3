package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import org.junit.jupiter.api.Test;

/** The metric contract, and a value by hand. */
class ErrorRateMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new ErrorRateMetric.Plugin();
  }

  @Test
  void countsTheRowsWhoseLargestOutputIsNotTheirClass() {
    Metric m = plugin().create(Params.defaults(plugin().params()));
    m.update(
        Matrix.wrap(3, 2, new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f}),
        Matrix.wrap(3, 2, new float[] {1, 0, 1, 0, 1, 0}));
    assertThat(m.result().value()).isEqualTo(1.0 / 3);
    assertThat(m.goal()).isEqualTo(Metric.Goal.MINIMIZE);
  }
}
