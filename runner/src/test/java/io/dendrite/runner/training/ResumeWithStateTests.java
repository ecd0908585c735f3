package io.dendrite.runner.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingCheckpoint;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumed in-process from the checkpoint of any epoch ends with the bits of the run never
 * stopped, with every kind of state a checkpoint carries in use: Adam's moments, a learning rate
 * that a plateau schedule lowered, the schedule's own counters, dropout's random stream, the
 * shuffling stream, and early stopping's best weights.
 */
class ResumeWithStateTests {
  @TempDir Path dir;

  private static final String EXPERIMENT =
      """
      name: stateful
      seed: 21
      data:
        train: {type: blobs, samples: 120, features: 4, centers: 3, spread: 2.0}
        validation_split: 0.25
      model:
        layers:
          - {type: dense, units: 12, activation: relu}
          - {type: dropout, rate: 0.3}
          - {type: dense, units: 3, activation: softmax}
      loss: cross_entropy
      optimizer:
        type: adam
        learning_rate: 0.05
        schedule: {type: reduce_on_plateau, patience: 0, factor: 0.5, threshold: 0.2}
      training:
        epochs: 6
        batch_size: 10
        early_stopping: {monitor: val_loss, patience: 50, restore_best: true}
      """;

  private Experiment experiment(PluginRegistry registry) {
    Path file = TestFiles.write(dir, "stateful.yaml", EXPERIMENT);
    return new ExperimentLoader(registry).load(file, file.toString(), List.of()).experiment();
  }

  private ExperimentTrainer trainer(PluginRegistry registry) {
    return new ExperimentTrainer(registry, Kernels.singleThreaded(), dir, dir.resolve("cache"));
  }

  private static Map<String, List<Float>> weights(TrainingResult r) {
    Map<String, List<Float>> out = new TreeMap<>();
    for (Map.Entry<String, Matrix> e : r.network().tensors().entrySet()) {
      List<Float> values = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        values.add((float) e.getValue().get(i));
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  private static List<Double> losses(TrainingResult r) {
    List<Double> out = new ArrayList<>();
    for (EpochResult e : r.epochs()) {
      out.add(e.train().loss());
      out.add(e.validation().orElseThrow().loss());
    }
    return out;
  }

  @Test
  void resumingFromEveryEpochGivesTheBitsOfTheRunNeverStopped() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    Experiment experiment = experiment(registry);
    List<TrainingCheckpoint> checkpoints = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    TrainingResult whole =
        trainer(registry)
            .run(
                experiment,
                new TrainingListener() {
                  @Override
                  public void onEpoch(TrainingContext context, EpochResult result) {
                    checkpoints.add(context.checkpoint());
                    rates.add(context.learningRate());
                  }
                },
                List.of());
    assertThat(checkpoints).hasSize(6);
    assertThat(rates.get(5)).as("the schedule lowered the rate: %s", rates).isLessThan(0.05);
    for (int at = 1; at <= 5; at++) {
      TrainingResult resumed =
          trainer(registry)
              .resume(experiment, checkpoints.get(at - 1), new TrainingListener() {}, List.of());
      assertThat(losses(resumed)).as("losses resumed after epoch %d", at).isEqualTo(losses(whole));
      assertThat(weights(resumed))
          .as("weights resumed after epoch %d", at)
          .isEqualTo(weights(whole));
    }
  }
}
