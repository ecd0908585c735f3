package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

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

class F1MetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new F1Metric.Plugin();
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
  void aSingleColumnIsTwoClasses() {
    Matrix outputs = Matrix.wrap(4, 1, new double[] {0.9, 0.5, 0.2, 0.1});
    Matrix targets = Matrix.wrap(4, 1, new double[] {1, 0, 1, 0});
    // Class 1: tp 1, fp 1, fn 1 -> 1/2; class 0: tp 1, fp 1, fn 1 -> 1/2.
    MetricValue macro = score("macro", outputs, targets);
    assertThat(macro.perClass()).containsExactly(0.5, 0.5);
    assertThat(macro.value()).isEqualTo(0.5);
  }

  @Test
  void isTheHarmonicMeanOfPrecisionAndRecall() {
    Matrix outputs = Matrix.wrap(5, 2, new double[] {.9, .1, .9, .1, .9, .1, .2, .8, .2, .8});
    Matrix targets = Matrix.wrap(5, 2, new double[] {1, 0, 1, 0, 0, 1, 0, 1, 1, 0});
    // Class 0: precision 2/3, recall 2/3; class 1: precision 1/2, recall 1/2.
    MetricValue macro = score("macro", outputs, targets);
    assertThat(macro.perClass().get(0)).isCloseTo(2.0 / 3, offset(1e-15));
    assertThat(macro.perClass().get(1)).isEqualTo(0.5);
  }
}
