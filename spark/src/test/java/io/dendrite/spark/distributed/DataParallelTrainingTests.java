package io.dendrite.spark.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel training with its workers on threads and the all-reduce over localhost: what Spark
 * runs, without Spark. Two workers on shards of every batch follow the single process that trains
 * on the whole batch, and give the same bits run after run.
 */
class DataParallelTrainingTests {
  static PluginRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void warmUp() {
    registry = PluginRegistry.discover(DataParallelTrainingTests.class.getClassLoader());
    Kernels.warmUp(2000);
  }

  static Experiment experiment(Path dir, String training) throws Exception {
    Path file = dir.resolve("mnist.yaml");
    Files.writeString(
        file,
        """
        name: dp
        seed: 7
        data:
          train: {type: mnist_sample, split: train}
          test: {type: mnist_sample, split: test}
          validation_split: 0.1
        model:
          layers:
            - {type: dense, units: 64, activation: relu, initializer: he_normal}
            - {type: dense, units: 10, activation: softmax}
        loss: cross_entropy
        optimizer: {type: adam, learning_rate: 0.001}
        training: %s
        metrics: [accuracy]
        """
            .formatted(training));
    return new ExperimentLoader(registry).load(file, "mnist.yaml", List.of()).experiment();
  }

  static TrainingResult single(Experiment e, Path dir) {
    try (ComputePool pool = ComputePool.create(2)) {
      return new ExperimentTrainer(registry, new Kernels(pool), dir, dir.resolve("cache"))
          .run(e, new TrainingListener() {}, List.of());
    }
  }

  @Test
  void twoWorkersFollowTheSingleProcessAndRepeatTheirBits() throws Exception {
    Experiment e = experiment(dir, "{epochs: 2, batch_size: 64}");
    TrainingResult alone = single(e, dir);
    ThreadWorkers.Outcome first = ThreadWorkers.train(registry, e, dir, 2, 1, -1, -1);
    ThreadWorkers.Outcome second = ThreadWorkers.train(registry, e, dir, 2, 1, -1, -1);
    assertThat(first.failure()).isEmpty();
    assertThat(first.workerErrors()).isEmpty();

    List<EpochResult> dp = first.result().epochs();
    assertThat(dp).hasSize(2);
    for (int i = 0; i < dp.size(); i++) {
      EpochResult a = alone.epochs().get(i);
      EpochResult d = dp.get(i);
      assertThat(d.train().loss()).isCloseTo(a.train().loss(), within(1e-4 * a.train().loss()));
      double av = a.validation().orElseThrow().loss();
      assertThat(d.validation().orElseThrow().loss()).isCloseTo(av, within(1e-4 * av));
      assertThat(d.steps()).isEqualTo(a.steps());
    }
    double accAlone = alone.test().orElseThrow().metric("accuracy");
    double accDp = first.result().test().orElseThrow().metric("accuracy");
    assertThat(accDp).isCloseTo(accAlone, within(0.005));

    Map<String, int[]> a = bits(first.result());
    Map<String, int[]> b = bits(second.result());
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, values) -> assertThat(Arrays.equals(b.get(name), values)).as(name).isTrue());
    assertThat(second.result().epochs().get(1).train().loss())
        .isEqualTo(first.result().epochs().get(1).train().loss());
  }

  @Test
  void periodicAveragingTrainsAndAgrees() throws Exception {
    Experiment e = experiment(dir, "{epochs: 1, batch_size: 32}");
    ThreadWorkers.Outcome out = ThreadWorkers.train(registry, e, dir, 2, 8, -1, -1);
    assertThat(out.failure()).isEmpty();
    assertThat(out.result().test().orElseThrow().metric("accuracy")).isGreaterThan(0.8);
  }

  @Test
  void aWorkerThatFailsFailsTheRunNamingIt() throws Exception {
    Experiment e = experiment(dir, "{epochs: 2, batch_size: 64}");
    ThreadWorkers.Outcome out = ThreadWorkers.train(registry, e, dir, 2, 1, 1, 30);
    assertThat(out.failure())
        .hasValueSatisfying(m -> assertThat(m).contains("worker 1 (").contains("at step"));
    assertThat(out.workerErrors()).isNotEmpty();
  }

  static Map<String, int[]> bits(TrainingResult r) {
    Map<String, int[]> out = new TreeMap<>();
    r.network().tensors().forEach((name, m) -> out.put(name, bits(m)));
    return out;
  }

  static int[] bits(Matrix m) {
    int[] out = new int[m.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.floatToRawIntBits((float) m.get(i));
    }
    return out;
  }
}
