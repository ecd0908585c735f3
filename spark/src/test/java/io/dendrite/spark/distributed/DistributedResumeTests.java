package io.dendrite.spark.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.TrainingCheckpoint;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-parallel run continued from the checkpoint its driver took ends with the bits of the run
 * that never stopped: the weights, and every worker's own optimizer state and dropout streams.
 */
class DistributedResumeTests {
  static PluginRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void warmUp() {
    registry = PluginRegistry.discover(DistributedResumeTests.class.getClassLoader());
    Kernels.warmUp(2000);
  }

  /** The driver's checkpoints, by epoch, as its checkpoint writer would take them. */
  static final class Checkpoints implements TrainingListener {
    final Map<Integer, TrainingCheckpoint> taken = new TreeMap<>();

    @Override
    public void onEpoch(TrainingContext context, EpochResult result) {
      assertThat(context.checkpointable()).isTrue();
      taken.put(result.epoch(), context.checkpoint());
    }
  }

  Experiment experiment(String layers) throws Exception {
    Path file = dir.resolve("dp.yaml");
    Files.writeString(
        file,
        """
        name: dp
        seed: 11
        data:
          train: {type: mnist_sample, split: train}
          test: {type: mnist_sample, split: test}
          validation_split: 0.1
        model:
          layers: %s
        loss: cross_entropy
        optimizer: {type: adam, learning_rate: 0.001}
        training: {epochs: 3, batch_size: 64}
        metrics: [accuracy]
        """
            .formatted(layers));
    return new io.dendrite.runner.ExperimentLoader(registry)
        .load(file, "dp.yaml", List.of())
        .experiment();
  }

  @Test
  void resumingAfterEachEpochGivesTheBitsOfTheRunThatNeverStopped() throws Exception {
    Experiment e =
        experiment(
            "[{type: dense, units: 32, activation: relu}, {type: dense, units: 10, activation:"
                + " softmax}]");
    assertResumesExactly(e, 1);
  }

  @Test
  void workersWithStateOfTheirOwnResumeExactlyToo() throws Exception {
    // Periodic averaging: each worker's Adam moments are its own; dropout: each its own masks.
    Experiment e =
        experiment(
            "[{type: dense, units: 32, activation: relu}, {type: dropout, rate: 0.2},"
                + " {type: dense, units: 10, activation: softmax}]");
    assertResumesExactly(e, 4);
  }

  @Test
  void aRunWhoseWorkerFailedFinishesFromItsLastCheckpoint() throws Exception {
    Experiment e =
        experiment(
            "[{type: dense, units: 32, activation: relu}, {type: dense, units: 10, activation:"
                + " softmax}]");
    ThreadWorkers.Outcome whole =
        ThreadWorkers.train(
            registry, e, dir, 2, 1, -1, -1, Optional.empty(), new TrainingListener() {});
    Checkpoints before = new Checkpoints();
    // Worker 1 fails a few steps into epoch 3.
    long failAt = 2L * whole.result().plan().stepsPerEpoch() + 3;
    ThreadWorkers.Outcome failed =
        ThreadWorkers.train(registry, e, dir, 2, 1, 1, failAt, Optional.empty(), before);
    assertThat(failed.failure())
        .hasValueSatisfying(
            m -> assertThat(m).contains("worker 1 (").contains("at step " + failAt));
    assertThat(before.taken).containsOnlyKeys(1, 2);

    ThreadWorkers.Outcome resumed =
        ThreadWorkers.train(
            registry,
            e,
            dir,
            2,
            1,
            -1,
            -1,
            Optional.of(before.taken.get(2)),
            new TrainingListener() {});
    assertThat(resumed.failure()).isEmpty();
    assertSameRun(resumed, whole);
  }

  private void assertResumesExactly(Experiment e, int syncEvery) throws Exception {
    Checkpoints whole = new Checkpoints();
    ThreadWorkers.Outcome uninterrupted =
        ThreadWorkers.train(registry, e, dir, 2, syncEvery, -1, -1, Optional.empty(), whole);
    assertThat(uninterrupted.failure()).isEmpty();
    assertThat(whole.taken).containsOnlyKeys(1, 2, 3);
    for (int epoch : List.of(1, 2)) {
      ThreadWorkers.Outcome resumed =
          ThreadWorkers.train(
              registry,
              e,
              dir,
              2,
              syncEvery,
              -1,
              -1,
              Optional.of(whole.taken.get(epoch)),
              new TrainingListener() {});
      assertThat(resumed.failure()).as("resumed after epoch %d", epoch).isEmpty();
      assertSameRun(resumed, uninterrupted);
    }
  }

  private static void assertSameRun(ThreadWorkers.Outcome a, ThreadWorkers.Outcome b) {
    Map<String, int[]> x = DataParallelTrainingTests.bits(a.result());
    Map<String, int[]> y = DataParallelTrainingTests.bits(b.result());
    assertThat(x.keySet()).isEqualTo(y.keySet());
    x.forEach((name, v) -> assertThat(Arrays.equals(v, y.get(name))).as(name).isTrue());
    assertThat(a.result().epochs()).hasSameSizeAs(b.result().epochs());
    for (int i = 0; i < a.result().epochs().size(); i++) {
      EpochResult p = a.result().epochs().get(i);
      EpochResult q = b.result().epochs().get(i);
      assertThat(p.train().loss()).as("epoch %d loss", p.epoch()).isEqualTo(q.train().loss());
      assertThat(p.validation().orElseThrow().loss())
          .isEqualTo(q.validation().orElseThrow().loss());
    }
    assertThat(a.result().test().orElseThrow().loss())
        .isEqualTo(b.result().test().orElseThrow().loss());
  }
}
