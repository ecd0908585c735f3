package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ConfusionMatrixMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new ConfusionMatrixMetric.Plugin();
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  @Test
  void rowsAreTrueClassesAndColumnsPredictedOnes() {
    Metric metric = plugin().create(Params.empty());
    // True 0 predicted 1, true 2 predicted 2, true 2 predicted 0.
    metric.update(
        Matrix.wrap(3, 3, new double[] {.2, .7, .1, .1, .1, .8, .6, .3, .1}),
        Matrix.wrap(3, 3, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 1}));
    MetricValue value = metric.result();
    assertThat(value.matrix())
        .containsExactly(List.of(0.0, 1.0, 0.0), List.of(0.0, 0.0, 0.0), List.of(1.0, 0.0, 1.0));
    assertThat(value.value()).isEqualTo(1.0 / 3);
    assertThat(value.perClass()).isEmpty();
  }

  @Test
  void aSingleColumnIsTwoByTwo() {
    Metric metric = plugin().create(Params.empty());
    metric.update(
        Matrix.wrap(3, 1, new double[] {0.5, 0.4, 0.9}), Matrix.wrap(3, 1, new double[] {0, 0, 1}));
    assertThat(metric.result().matrix()).containsExactly(List.of(1.0, 1.0), List.of(0.0, 1.0));
  }

  @Test
  void hasNoMatrixBeforeAnythingIsSeen() {
    assertThat(plugin().create(Params.empty()).result().isStructured()).isFalse();
  }
}
