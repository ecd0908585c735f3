package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RecallMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new RecallMetric.Plugin();
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  private MetricValue score(String average, Matrix outputs, Matrix targets) {
    Metric metric = plugin().create(Params.resolve(plugin().params(), Map.of("average", average)));
    metric.update(outputs, targets);
    return metric.result();
  }

  @Test
  void classesNeverPresentScoreZeroAndWeightedRecallIsTheAccuracy() {
    // Class 2 is never a target; class 1 is predicted once.
    Matrix outputs = Matrix.wrap(3, 3, new double[] {.8, .1, .1, .1, .8, .1, .1, .1, .8});
    Matrix targets = Matrix.wrap(3, 3, new double[] {1, 0, 0, 0, 1, 0, 0, 1, 0});
    MetricValue macro = score("macro", outputs, targets);
    assertThat(macro.perClass()).containsExactly(1.0, 0.5, 0.0);
    assertThat(macro.value()).isEqualTo(0.5);
    assertThat(score("weighted", outputs, targets).value()).isEqualTo(2.0 / 3);
    assertThat(score("micro", outputs, targets).value()).isEqualTo(2.0 / 3);
  }
}
