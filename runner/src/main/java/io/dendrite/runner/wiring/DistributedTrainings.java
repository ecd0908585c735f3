package io.dendrite.runner.wiring;

import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.runner.distributed.DistributedEngines;
import io.dendrite.runner.distributed.DistributedSetup;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;

/** Chooses a run's training: this process's, or the workers' of {@code training.distributed}. */
final class DistributedTrainings {
  private DistributedTrainings() {}

  static ExperimentTraining of(
      LoadedExperiment loaded,
      RunSettings settings,
      ExperimentTrainer local,
      ComponentFactory components,
      PluginRegistry registry,
      Kernels kernels) {
    return loaded
        .experiment()
        .training()
        .distributed()
        .map(
            d ->
                DistributedEngines.find(d.engine(), DistributedTrainings.class.getClassLoader())
                    .training(
                        new DistributedSetup(
                            loaded, local, components, registry, kernels, settings)))
        .orElse(local);
  }
}
