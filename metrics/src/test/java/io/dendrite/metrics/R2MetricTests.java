package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

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

class R2MetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new R2Metric.Plugin();
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
  void isTheMeanOfTheColumnsR2() {
    Matrix outputs = Matrix.wrap(3, 2, new double[] {1, 0, 2, 0, 3, 0});
    Matrix targets = Matrix.wrap(3, 2, new double[] {1, 1, 2, 2, 4, 3});
    // Column 0: 1 - 1 / (14/3); column 1: 1 - 14 / 2.
    double expected = ((1 - 3.0 / 14) + (1 - 14.0 / 2)) / 2;
    assertThat(value(outputs, targets)).isCloseTo(expected, offset(1e-15));
  }

  @Test
  void aConstantColumnScoresOneWhenExactAndZeroOtherwise() {
    Matrix targets = Matrix.wrap(3, 1, new double[] {0.1, 0.1, 0.1});
    assertThat(value(targets.copy(), targets)).isEqualTo(1.0);
    assertThat(value(Matrix.wrap(3, 1, new double[] {0.1, 0.2, 0.1}), targets)).isEqualTo(0.0);
  }

  @Test
  void isNotANumberWithFewerThanTwoRows() {
    assertThat(value(OUTPUTS.copy().setRows(1), TARGETS.copy().setRows(1))).isNaN();
  }

  @Test
  void keepsItsPrecisionFarFromZero() {
    int n = 1000;
    Matrix targets = Matrix.doubles(n, 1);
    Matrix outputs = Matrix.doubles(n, 1);
    for (int i = 0; i < n; i++) {
      double spread = (i % 10) - 4.5; // mean 0, variance 8.25
      targets.set(i, 1e9 + spread);
      outputs.set(i, 1e9 + spread + (i % 2 == 0 ? 0.5 : -0.5));
    }
    Metric metric = plugin().create(Params.empty());
    ReferenceValues.feed(metric, outputs, targets, 64);
    assertThat(metric.result().value()).isCloseTo(1 - 0.25 / 8.25, offset(1e-12));
  }
}
