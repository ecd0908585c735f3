package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trainer given a {@link StepExchange} computes each step on its shard of the batch. */
class TrainerExchangeTests {
  /**
   * Worker {@code rank} of {@code workers} whose partners are imagined: the batch's outputs are
   * this worker's where it has rows and zero elsewhere, the loss is its shard's.
   */
  static final class Alone implements StepExchange {
    final List<String> combined = new ArrayList<>();
    int updates;
    int processed;
    private final int rank;
    private final int workers;

    Alone(int rank, int workers) {
      this.rank = rank;
      this.workers = workers;
    }

    @Override
    public int rank() {
      return rank;
    }

    @Override
    public int workers() {
      return workers;
    }

    @Override
    public double combine(
        TrainingContext context,
        List<Parameter> parameters,
        double shardLoss,
        Matrix shardOutput,
        int shardOffset,
        int batchRows,
        Matrix batchOutput) {
      boolean zero = true;
      for (Parameter p : parameters) {
        for (int i = 0; i < p.gradient().size(); i++) {
          zero &= p.gradient().get(i) == 0;
        }
      }
      combined.add(
          shardOffset + "+" + shardOutput.rows() + " of " + batchRows + (zero ? " zero" : ""));
      batchOutput.setRows(batchRows).fill(0);
      int cols = shardOutput.cols();
      for (int r = 0; r < shardOutput.rows(); r++) {
        for (int c = 0; c < cols; c++) {
          batchOutput.set(shardOffset + r, c, shardOutput.get(r, c));
        }
      }
      return shardLoss;
    }

    @Override
    public void afterUpdate(TrainingContext context, List<Parameter> parameters) {
      updates++;
    }

    @Override
    public void process(TrainingContext context, List<Parameter> parameters) {
      processed++;
    }
  }

  /** Sums every target and output it sees, weighted by row and column: order matters. */
  static final class Weighted implements io.dendrite.core.spi.Metric {
    private double sum;

    @Override
    public void reset() {
      sum = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      for (int r = 0; r < targets.rows(); r++) {
        for (int c = 0; c < targets.cols(); c++) {
          sum += (r + 1) * (c + 1) * (targets.get(r, c) + 0.5 * output.get(r, c));
        }
      }
    }

    @Override
    public io.dendrite.core.spi.MetricValue result() {
      return new io.dendrite.core.spi.MetricValue(sum, List.of(), List.of());
    }
  }

  private static Experiment experiment() {
    // XOR as two classes, 16 examples in batches of 5: 5, 5, 5 and 1 rows; two epochs.
    Map<String, Object> values = XorRuns.values("xor_classes", 2, 5);
    values.put(
        "model", Map.of("layers", List.of(XorRuns.dense(8, "tanh"), XorRuns.dense(2, null))));
    values.put("metrics", List.of(spec(PluginKind.METRIC, "weighted")));
    return XorRuns.experiment(values);
  }

  private static ExperimentTrainer trainer() {
    var local = XorRuns.components(0.1);
    local.put("weighted", Weighted::new);
    local.put(
        "xor_classes",
        () ->
            (io.dendrite.core.spi.Dataset)
                context -> {
                  float[] x = new float[32];
                  int[] labels = new int[16];
                  for (int i = 0; i < 16; i++) {
                    x[2 * i] = (i >> 1) & 1;
                    x[2 * i + 1] = i & 1;
                    labels[i] = ((i >> 1) ^ i) & 1;
                  }
                  return io.dendrite.core.data.Examples.classification(
                      Matrix.wrap(16, 2, x), labels, List.of("zero", "one"), "xor classes");
                });
    return XorRuns.trainer(local);
  }

  @Test
  void theOnlyWorkerTrainsAsATrainerWithoutExchange() {
    Alone alone = new Alone(0, 1);
    ExperimentTrainer trainer = trainer();
    TrainingResult exchanged = trainer.run(experiment(), XorRuns.QUIET, List.of(alone));
    TrainingResult plain = trainer.run(experiment(), XorRuns.QUIET, List.of());
    assertThat(XorRuns.weights(exchanged.network().parameters()))
        .usingRecursiveComparison()
        .isEqualTo(XorRuns.weights(plain.network().parameters()));
    for (int e = 0; e < 2; e++) {
      Evaluation x = exchanged.epochs().get(e).train();
      Evaluation p = plain.epochs().get(e).train();
      assertThat(x.loss()).isEqualTo(p.loss());
      assertThat(x.examples()).isEqualTo(16);
      assertThat(x.metric("weighted")).isEqualTo(p.metric("weighted")).isNotZero();
    }
    assertThat(alone.combined)
        .containsExactly(
            "0+5 of 5",
            "0+5 of 5",
            "0+5 of 5",
            "0+1 of 1",
            "0+5 of 5",
            "0+5 of 5",
            "0+5 of 5",
            "0+1 of 1");
    assertThat(alone.updates).isEqualTo(8);
    assertThat(alone.processed).isZero();
  }

  @Test
  void aWorkerComputesItsShardAndNothingWhenTheBatchHasTooFewRows() {
    // rows 5 * 1 / 3 = 1 to 5 * 2 / 3 = 3; of the last batch's single row, none (0 to 0).
    Alone second = new Alone(1, 3);
    trainer().run(experiment(), XorRuns.QUIET, List.of(second));
    assertThat(second.combined.subList(0, 4))
        .containsExactly("1+2 of 5", "1+2 of 5", "1+2 of 5", "0+0 of 1 zero");
  }

  @Test
  void theLastOfTwoWorkersTakesTheRowsFromTheMiddleOn() {
    Alone last = new Alone(1, 2);
    trainer().run(experiment(), XorRuns.QUIET, List.of(last));
    assertThat(last.combined.subList(0, 4))
        .containsExactly("2+3 of 5", "2+3 of 5", "2+3 of 5", "0+1 of 1");
  }

  @Test
  void theOptimizerComputesOnTheNetworksKernels() {
    List<Kernels> given = new ArrayList<>();
    Kernels kernels = Kernels.singleThreaded();
    var local = XorRuns.components(0.1);
    local.put(
        "sgd",
        () ->
            new Optimizer() {
              @Override
              public void step(List<Parameter> parameters) {}

              @Override
              public void useKernels(Kernels k) {
                given.add(k);
              }

              @Override
              public double learningRate() {
                return 0.1;
              }

              @Override
              public void setLearningRate(double learningRate) {}
            });
    new ExperimentTrainer(
            new TestComponents(local),
            kernels,
            java.nio.file.Path.of("."),
            java.nio.file.Path.of("c"))
        .run(XorRuns.experiment(XorRuns.values("xor16", 1, 5)), XorRuns.QUIET, List.of());
    assertThat(given).containsExactly(kernels);
  }
}
