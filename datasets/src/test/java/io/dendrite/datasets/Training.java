package io.dendrite.datasets;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains an experiment with core's trainer, this module's datasets and {@link StandIns}. */
final class Training {
  private static final PluginRegistry REGISTRY =
      PluginRegistry.discover(Training.class.getClassLoader());

  private Training() {}

  /** A component of this module (dataset or preprocessor) with its parameters resolved. */
  static ComponentSpec spec(PluginKind kind, String id, Map<String, Object> params) {
    return new ComponentSpec(
        kind, id, Params.resolve(REGISTRY.require(kind, id).plugin().params(), params));
  }

  /** A component with its defaults. */
  static ComponentSpec spec(PluginKind kind, String id) {
    return ComponentSpec.of(kind, id);
  }

  /**
   * Trains {@code layers} on {@code data} with Adam, in batches of 32.
   *
   * @param data the values of the experiment's {@code data} section
   * @param classification cross-entropy and accuracy if true, squared error and R² if not
   */
  static TrainingResult train(
      Map<String, Object> data,
      List<ComponentSpec> layers,
      boolean classification,
      int epochs,
      double learningRate,
      long seed) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seed", seed);
    values.put("data", data);
    values.put("model", Map.of("layers", layers));
    values.put("loss", spec(PluginKind.LOSS, classification ? "cross_entropy" : "mse"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "adam"));
    values.put("training", Map.of("epochs", epochs, "batch_size", 32));
    values.put("metrics", List.of(spec(PluginKind.METRIC, classification ? "accuracy" : "r2")));
    Experiment experiment = Experiment.of(values, "datasets-test");
    ExperimentTrainer trainer =
        new ExperimentTrainer(
            new StandIns(learningRate),
            Kernels.singleThreaded(),
            Path.of("").toAbsolutePath(),
            Path.of(System.getProperty("java.io.tmpdir"), "dendrite-test-cache"));
    return trainer.run(experiment, new TrainingListener() {}, List.of());
  }
}
