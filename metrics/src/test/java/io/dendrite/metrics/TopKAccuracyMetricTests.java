package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TopKAccuracyMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new TopKAccuracyMetric.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("k", 2); // the default 5 is every class of the contract's samples
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  private double topK(int k, Matrix outputs, Matrix targets) {
    Metric metric = plugin().create(Params.resolve(plugin().params(), Map.of("k", k)));
    metric.update(outputs, targets);
    return metric.result().value();
  }

  @Test
  void tiesGoToTheEarlierColumnSoThatKOfOneIsTheAccuracy() {
    Matrix outputs = Matrix.wrap(3, 3, new double[] {0.5, 0.5, 0, 0.2, 0.4, 0.4, 0.4, 0.4, 0.2});
    Matrix targets = Matrix.wrap(3, 3, new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0});
    Metric accuracy = new AccuracyMetric.Plugin().create(Params.empty());
    accuracy.update(outputs, targets);
    assertThat(topK(1, outputs, targets)).isEqualTo(1.0 / 3).isEqualTo(accuracy.result().value());
    assertThat(topK(2, outputs, targets)).isEqualTo(1.0);
  }

  @Test
  void kIsCappedAtTheNumberOfClasses() {
    Matrix outputs = Matrix.wrap(2, 3, new double[] {0.9, 0.1, 0, 0.9, 0.1, 0});
    Matrix targets = Matrix.wrap(2, 3, new double[] {0, 0, 1, 0, 1, 0});
    assertThat(topK(5, outputs, targets)).isEqualTo(1.0);
    assertThat(topK(2, outputs, targets)).isEqualTo(0.5);
    Matrix binary = Matrix.wrap(2, 1, new double[] {0.9, 0.5});
    Matrix binaryTargets = Matrix.wrap(2, 1, new double[] {0, 0});
    assertThat(topK(1, binary, binaryTargets)).isEqualTo(0.0);
    assertThat(topK(2, binary, binaryTargets)).isEqualTo(1.0);
  }
}
