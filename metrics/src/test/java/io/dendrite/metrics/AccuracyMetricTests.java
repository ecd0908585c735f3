package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AccuracyMetricTests extends MetricContract {
  private final Metric accuracy = new AccuracyMetric.Plugin().create(Params.empty());

  @Override
  protected Plugin<Metric> plugin() {
    return new AccuracyMetric.Plugin();
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  @Test
  void countsRowsWhoseLargestOutputIsTheTargetClassAcrossBatches() {
    accuracy.reset();
    accuracy.update(
        Matrix.wrap(2, 3, new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f}),
        Matrix.wrap(2, 3, new float[] {0, 1, 0, 0, 0, 1}));
    accuracy.update(
        Matrix.wrap(1, 3, new float[] {0, 0, 1}), Matrix.wrap(1, 3, new float[] {0, 0, 1}));
    assertThat(accuracy.result().value()).isEqualTo(2.0 / 3);
  }

  @Test
  void singleOutputIsThresholdedAtOneHalf() {
    accuracy.reset();
    accuracy.update(
        Matrix.wrap(3, 1, new float[] {0.9f, 0.2f, 0.5f}),
        Matrix.wrap(3, 1, new float[] {1, 1, 1}));
    assertThat(accuracy.result().value()).isEqualTo(2.0 / 3);
  }

  @Test
  void isNotANumberBeforeAnythingIsSeenAndAfterReset() {
    assertThat(accuracy.result().value()).isNaN();
    accuracy.update(Matrix.wrap(1, 1, new float[] {1}), Matrix.wrap(1, 1, new float[] {1}));
    accuracy.reset();
    assertThat(accuracy.result().value()).isNaN();
  }
}
