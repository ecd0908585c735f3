package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RootMeanSquaredErrorMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new RootMeanSquaredErrorMetric.Plugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    return RegressionSamples.sample(rows, cols, rng);
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  private double value(Matrix outputs, Matrix targets) {
    Metric metric = plugin().create(Params.empty());
    metric.update(outputs, targets);
    return metric.result().value();
  }

  // Errors of column 0 are 1 and -1, of column 1 are 3 and -3.
  private static final Matrix OUTPUTS = Matrix.wrap(2, 2, new double[] {1, 3, -1, -3});
  private static final Matrix TARGETS = Matrix.wrap(2, 2, new double[] {0, 0, 0, 0});

  @Test
  void isTheRootOfTheMeanOverEveryValueNotTheMeanOfTheColumnsRoots() {
    // The columns' roots are 1 and 3, whose mean is 2.
    assertThat(value(OUTPUTS, TARGETS)).isEqualTo(Math.sqrt(5.0));
  }
}
