package io.dendrite.runner.report;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.TestFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * A small network trained for two epochs on the bundled MNIST sample by the real plugins, with a
 * metric of every shape: headline only, per class, and a matrix.
 *
 * @param experiment what was trained
 * @param result what training produced
 */
record TrainedRun(Experiment experiment, TrainingResult result) {
  /** The experiment; its comment must reach the page escaped. */
  static final String YAML =
      """
      # Compare <script>alert("x")</script> & friends: shown as text, never as markup.
      name: report-fixture
      seed: 5
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 16, activation: relu, initializer: he_normal}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.003}
      training: {epochs: 2, batch_size: 64, threads: 1}
      metrics: [accuracy, {type: f1, name: f1_macro}, precision, confusion_matrix]
      """;

  /** Trains {@link #YAML}, written as {@code fileName} in {@code dir}. */
  static TrainedRun train(Path dir, String fileName) {
    return train(dir, fileName, YAML);
  }

  static TrainedRun train(Path dir, String fileName, String yaml) {
    PluginRegistry registry = PluginRegistry.discover(TrainedRun.class.getClassLoader());
    Path file = TestFiles.write(dir, fileName, yaml);
    Experiment experiment =
        new ExperimentLoader(registry).load(file, fileName, List.of()).experiment();
    try (ComputePool pool = ComputePool.create(1)) {
      TrainingResult result =
          new ExperimentTrainer(registry, new Kernels(pool), dir, dir.resolve("cache"))
              .run(experiment, new TrainingListener() {}, List.of());
      return new TrainedRun(experiment, result);
    }
  }
}
