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

class LogLossMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new LogLossMetric.Plugin();
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  private double logLoss(Matrix outputs, Matrix targets) {
    Metric metric = plugin().create(Params.empty());
    metric.update(outputs, targets);
    return metric.result().value();
  }

  @Test
  void aConfidentWrongAnswerCostsTheClippedProbability() {
    assertThat(
            logLoss(Matrix.wrap(1, 2, new double[] {0, 1}), Matrix.wrap(1, 2, new double[] {1, 0})))
        .isEqualTo(-Math.log(1e-15));
    // One column: 1 - p of the clipped p, as scikit-learn forms the second column.
    assertThat(logLoss(Matrix.wrap(1, 1, new double[] {1}), Matrix.wrap(1, 1, new double[] {0})))
        .isEqualTo(-Math.log(1 - (1 - 1e-15)));
  }

  @Test
  void isTheMeanOverExamples() {
    double value =
        logLoss(
            Matrix.wrap(2, 2, new double[] {0.5, 0.5, 0.2, 0.8}),
            Matrix.wrap(2, 2, new double[] {1, 0, 0, 1}));
    assertThat(value).isEqualTo(-(Math.log(0.5) + Math.log(0.8)) / 2);
  }
}
