package io.dendrite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.MetricContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AucMetricTests extends MetricContract {
  @Override
  protected Plugin<Metric> plugin() {
    return new AucMetric.Plugin();
  }

  @Override
  protected boolean keepsEveryRow() {
    return true;
  }

  @TestFactory
  Stream<DynamicTest> agreesWithScikitLearn() {
    return ReferenceValues.agreementOf(plugin());
  }

  private MetricValue auc(Matrix outputs, Matrix targets) {
    Metric metric = plugin().create(Params.empty());
    metric.update(outputs, targets);
    return metric.result();
  }

  @Test
  void tiedScoresCountOneHalf() {
    MetricValue value =
        auc(
            Matrix.wrap(4, 1, new double[] {.5, .5, .5, .9}),
            Matrix.wrap(4, 1, new double[] {0, 1, 0, 1}));
    // Positive 0.5 ties both negatives (1/2 each), positive 0.9 is above both: 3 of 4 pairs.
    assertThat(value.value()).isEqualTo(0.75);
    assertThat(value.perClass()).containsExactly(0.75, 0.75);
  }

  @Test
  void aClassThatIsNeverTheTargetHasNoAucAndIsLeftOutOfTheAverage() {
    MetricValue value =
        auc(
            Matrix.wrap(3, 3, new double[] {.7, .2, .1, .3, .6, .1, .5, .4, .1}),
            Matrix.wrap(3, 3, new double[] {1, 0, 0, 0, 1, 0, 0, 1, 0}));
    // Class 0: 0.7 against 0.3 and 0.5 -> 1; class 1: 0.6 and 0.4 against 0.2 -> 1.
    assertThat(value.perClass().get(0)).isEqualTo(1.0);
    assertThat(value.perClass().get(1)).isEqualTo(1.0);
    assertThat(value.perClass().get(2)).isNaN();
    assertThat(value.value()).isEqualTo(1.0);
  }

  @Test
  void keepsEveryRowAcrossManyBatchesAndResets() {
    Metric batched = plugin().create(Params.empty());
    for (int pass = 0; pass < 2; pass++) {
      batched.reset();
      for (int b = 0; b < 300; b++) {
        // Scores rise with the row; every third row is positive.
        double[] scores = new double[7];
        double[] labels = new double[7];
        for (int i = 0; i < 7; i++) {
          int row = b * 7 + i;
          scores[i] = row / 2100.0;
          labels[i] = row % 3 == 0 ? 1 : 0;
        }
        batched.update(Matrix.wrap(7, 1, scores), Matrix.wrap(7, 1, labels));
      }
      // Positives at rows 3j: each is above the 2j negatives before it.
      long pairs = 0;
      for (int j = 0; j < 700; j++) {
        pairs += 2L * j;
      }
      assertThat(batched.result().value()).isEqualTo(pairs / (700.0 * 1400));
    }
  }
}
