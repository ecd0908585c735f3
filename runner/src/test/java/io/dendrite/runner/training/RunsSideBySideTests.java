package io.dendrite.runner.training;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.dendrite.runner.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten experiments at once in one JVM, as a sweep runs them, with 1, 2 and 4 threads mixed: each
 * gives the bits it gives alone. Nothing mutable is shared between runs (the compute pool, the
 * data, the plugin instances all belong to one run).
 */
class RunsSideBySideTests {
  private static final int[] THREADS = {1, 2, 4, 1, 2, 4, 2, 1, 4, 2};

  @TempDir Path dir;

  private Experiment experiment(PluginRegistry registry, int index) {
    String yaml =
        """
        name: side-%d
        seed: %d
        data:
          train: {type: mnist_sample, split: %s}
          validation_split: 0.1
        model:
          layers:
            - {type: dense, units: %d, activation: relu, initializer: he_normal}
            - {type: dense, units: 10, activation: softmax}
        loss: cross_entropy
        optimizer: {type: %s, learning_rate: %s}
        training: {epochs: 2, batch_size: 64, threads: %d}
        """
            .formatted(
                index,
                100 + index,
                index % 3 == 0 ? "test" : "train",
                32 + 8 * (index % 3),
                index % 2 == 0 ? "adam" : "sgd",
                index % 2 == 0 ? "0.002" : "0.1",
                THREADS[index]);
    Path file = TestFiles.write(dir, "side-" + index + ".yaml", yaml);
    return new ExperimentLoader(registry).load(file, file.toString(), List.of()).experiment();
  }

  /** What a run leaves that must not depend on what else runs: every weight and every loss. */
  record Outcome(Map<String, int[]> weights, List<Long> losses) {}

  private static Outcome run(PluginRegistry registry, Experiment e, Path dir) {
    try (ComputePool pool = ComputePool.create(e.training().effectiveThreads())) {
      TrainingResult result =
          new ExperimentTrainer(registry, new Kernels(pool), dir, dir.resolve("cache"))
              .run(e, new TrainingListener() {}, List.of());
      Map<String, int[]> weights = new java.util.TreeMap<>();
      result.network().tensors().forEach((name, m) -> weights.put(name, bits(m)));
      List<Long> losses = new ArrayList<>();
      for (EpochResult epoch : result.epochs()) {
        losses.add(Double.doubleToRawLongBits(epoch.train().loss()));
        losses.add(Double.doubleToRawLongBits(epoch.validation().orElseThrow().loss()));
      }
      return new Outcome(weights, losses);
    }
  }

  private static int[] bits(Matrix m) {
    int[] out = new int[m.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.floatToRawIntBits((float) m.get(i));
    }
    return out;
  }

  @Test
  void tenExperimentsAtOnceGiveTheBitsEachGivesAlone() throws Exception {
    Kernels.warmUp(3000);
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    List<Experiment> experiments = new ArrayList<>();
    for (int i = 0; i < THREADS.length; i++) {
      experiments.add(experiment(registry, i));
    }
    List<Outcome> alone = new ArrayList<>();
    for (Experiment e : experiments) {
      alone.add(run(registry, e, dir));
    }
    ExecutorService executor = Executors.newFixedThreadPool(experiments.size());
    try {
      List<Future<Outcome>> together = new ArrayList<>();
      for (Experiment e : experiments) {
        together.add(executor.submit(() -> run(registry, e, dir)));
      }
      for (int i = 0; i < experiments.size(); i++) {
        Outcome side = together.get(i).get();
        assertThat(side.losses())
            .as("losses of experiment %d (%d threads)", i, THREADS[i])
            .isEqualTo(alone.get(i).losses());
        assertThat(side.weights().keySet()).isEqualTo(alone.get(i).weights().keySet());
        for (String name : side.weights().keySet()) {
          assertThat(side.weights().get(name))
              .as("%s of experiment %d (%d threads)", name, i, THREADS[i])
              .isEqualTo(alone.get(i).weights().get(name));
        }
      }
    } finally {
      executor.shutdownNow();
    }
    // Different experiments really did differ: the comparison could fail.
    assertThat(alone.get(0).losses()).isNotEqualTo(alone.get(3).losses());
  }
}
