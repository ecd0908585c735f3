package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.util.Arrays;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each metric contract check fails for a metric that breaks the rule it states. */
class MetricContractCatchesBrokenMetricsTests {
  private static void fails(ThrowingCallable check) {
    assertThatThrownBy(check).isInstanceOf(AssertionError.class);
  }

  private static MetricContract classification(Supplier<Metric> factory) {
    return new MetricContract() {
      @Override
      protected Plugin<Metric> plugin() {
        return MetricFixtures.plugin(factory);
      }
    };
  }

  private static MetricContract regression(Supplier<Metric> factory, boolean keepsEveryRow) {
    return new MetricContract() {
      @Override
      protected Plugin<Metric> plugin() {
        return MetricFixtures.plugin(factory);
      }

      @Override
      protected Sample sample(int rows, int cols, Rng rng) {
        return MetricFixtures.regression(rows, cols, rng);
      }

      @Override
      protected boolean keepsEveryRow() {
        return keepsEveryRow;
      }
    };
  }

  @Test
  void metricWhoseResetForgetsNothing() {
    fails(
        classification(
                () ->
                    new MetricFixtures.HitRate() {
                      @Override
                      public void reset() {}
                    })
            ::resetForgetsEverythingSeen);
  }

  /** The mean of the batch means: wrong when batches differ in size, NaN for an empty one. */
  private static final class MeanOfBatchMeans extends MetricFixtures.MeanError {
    @Override
    public void update(Matrix output, Matrix targets) {
      double batch = 0;
      for (int i = 0; i < output.size(); i++) {
        batch += Math.abs(output.get(i) - targets.get(i));
      }
      sum += batch / output.size();
      count++;
    }
  }

  @Test
  void metricThatAveragesBatchMeans() {
    fails(regression(MeanOfBatchMeans::new, false)::resultDoesNotDependOnHowTheRowsAreBatched);
    fails(regression(MeanOfBatchMeans::new, false)::anEmptyBatchChangesNothing);
  }

  @Test
  void metricThatScoresOnlyTheLastBatchItWasGiven() {
    fails(
        classification(
                () ->
                    new MetricFixtures.HitRate() {
                      Matrix output;
                      Matrix targets;

                      @Override
                      public void update(Matrix output, Matrix targets) {
                        this.output = output;
                        this.targets = targets;
                      }

                      @Override
                      public MetricValue result() {
                        if (output != null) {
                          reset();
                          super.update(output, targets);
                        }
                        return super.result();
                      }
                    })
            ::resultDoesNotDependOnHowTheRowsAreBatched);
  }

  @Test
  void metricThatSumsFloat32InputsInFloat32() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      @Override
                      public void update(Matrix output, Matrix targets) {
                        if (output.isDouble()) {
                          super.update(output, targets);
                          return;
                        }
                        float batch = 0;
                        for (int i = 0; i < output.size(); i++) {
                          batch += Math.abs(output.floats()[i] - targets.floats()[i]);
                        }
                        sum += batch;
                        count += output.size();
                      }
                    },
                false)
            ::float32InputsGiveTheResultOfTheSameValuesInFloat64);
  }

  @Test
  void metricThatIsZeroBeforeAnythingIsSeen() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      @Override
                      public MetricValue result() {
                        return MetricValue.of(count == 0 ? 0 : sum / count);
                      }
                    },
                false)
            ::isNotANumberBeforeAnythingIsSeen);
  }

  @Test
  void metricThatAllocatesInEveryUpdate() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      double[] columnSums;

                      @Override
                      public void update(Matrix output, Matrix targets) {
                        columnSums = new double[output.cols()];
                        super.update(output, targets);
                      }
                    },
                false)
            ::updateAllocatesNothingAfterTheFirstBatch);
  }

  @Test
  void metricThatDropsItsBufferOnReset() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MedianError() {
                      @Override
                      public void reset() {
                        values = new double[0];
                        size = 0;
                      }
                    },
                true)
            ::updateAllocatesNothingAfterTheFirstBatch);
  }

  @Test
  void metricThatGrowsItsBufferByEachBatch() {
    MetricContract contract =
        regression(
            () ->
                new MetricFixtures.MedianError() {
                  @Override
                  void reserve(int needed) {
                    if (needed > values.length) {
                      values = Arrays.copyOf(values, needed);
                    }
                  }
                },
            true);
    fails(contract::keptRowsGrowTheirBuffersGeometrically);
  }

  @Test
  void metricThatReadsTheWholeCapacity() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      @Override
                      public void update(Matrix output, Matrix targets) {
                        int n = output.capacityRows() * output.cols();
                        for (int i = 0; i < n; i++) {
                          sum += Math.abs(output.get(i) - targets.get(i));
                        }
                        count += n;
                      }
                    },
                false)
            ::readsOnlyTheRowsInUse);
  }

  @Test
  void metricThatClampsItsInputsInPlace() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      @Override
                      public void update(Matrix output, Matrix targets) {
                        for (int i = 0; i < output.size(); i++) {
                          output.set(i, Math.max(-1, Math.min(1, output.get(i))));
                        }
                        super.update(output, targets);
                      }
                    },
                false)
            ::updateLeavesItsInputsUnchanged);
  }

  @Test
  void errorMetricThatSaysLargerIsBetter() {
    fails(
        regression(
                () ->
                    new MetricFixtures.MeanError() {
                      @Override
                      public Goal goal() {
                        return Goal.MAXIMIZE;
                      }
                    },
                false)
            ::goalIsDeclaredAndPerfectOutputsScoreBest);
  }

  @Test
  void metricWithoutAGoal() {
    fails(
        classification(
                () ->
                    new MetricFixtures.HitRate() {
                      @Override
                      public Goal goal() {
                        return null;
                      }
                    })
            ::goalIsDeclaredAndPerfectOutputsScoreBest);
  }

  /** Counts shared by every instance made from one factory, as a static field would be. */
  private static final class Counts {
    long hits;
    long seen;
  }

  @Test
  void instancesThatShareTheirCounts() {
    Counts shared = new Counts();
    fails(
        classification(
                () ->
                    new Metric() {
                      @Override
                      public void reset() {
                        shared.hits = 0;
                        shared.seen = 0;
                      }

                      @Override
                      public void update(Matrix output, Matrix targets) {
                        for (int r = 0; r < output.rows(); r++) {
                          if (MetricFixtures.HitRate.classOf(output, r)
                              == MetricFixtures.HitRate.classOf(targets, r)) {
                            shared.hits++;
                          }
                        }
                        shared.seen += output.rows();
                      }

                      @Override
                      public MetricValue result() {
                        return MetricValue.of(
                            shared.seen == 0 ? Double.NaN : (double) shared.hits / shared.seen);
                      }
                    })
            ::instancesShareNothing);
  }
}
