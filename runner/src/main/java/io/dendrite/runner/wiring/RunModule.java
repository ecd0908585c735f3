package io.dendrite.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.core.train.GradientProcessor;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.runner.output.CheckpointWriter;
import io.dendrite.runner.output.ConsoleReporter;
import io.dendrite.runner.output.MetricsWriter;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;

/**
 * Binds one run: the resolved experiment, its settings, its own compute pool, the trainer, and the
 * run's listeners and gradient processors as sets that other modules (checkpoints, early stopping,
 * reports) add to. Nothing is created here; providers run when the run asks.
 */
public final class RunModule extends AbstractModule {
  private final LoadedExperiment loaded;
  private final RunSettings settings;

  public RunModule(LoadedExperiment loaded, RunSettings settings) {
    this.loaded = loaded;
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(LoadedExperiment.class).toInstance(loaded);
    bind(Experiment.class).toInstance(loaded.experiment());
    bind(RunSettings.class).toInstance(settings);
    // In order: the console line of an epoch is printed once its metrics are on disk.
    Multibinder<TrainingListener> listeners =
        Multibinder.newSetBinder(binder(), TrainingListener.class);
    listeners.addBinding().to(MetricsWriter.class);
    listeners.addBinding().to(ConsoleReporter.class);
    listeners.addBinding().to(CheckpointWriter.class);
    Multibinder.newSetBinder(binder(), GradientProcessor.class);
  }

  /** The run's own threads, sized by {@code training.threads}; the run closes it. */
  @Provides
  @Singleton
  ComputePool computePool(Experiment experiment) {
    return ComputePool.create(experiment.training().effectiveThreads());
  }

  @Provides
  @Singleton
  Kernels kernels(ComputePool pool) {
    return new Kernels(pool);
  }

  /** Local training, or the distributed engine's when the experiment asks for one. */
  @Provides
  ExperimentTraining training(
      ExperimentTrainer local,
      ComponentFactory components,
      PluginRegistry registry,
      Kernels kernels) {
    return DistributedTrainings.of(loaded, settings, local, components, registry, kernels);
  }

  @Provides
  ExperimentTrainer trainer(ComponentFactory components, Kernels kernels) {
    return new ExperimentTrainer(
        components, kernels, loaded.source().folder(), settings.cacheFolder());
  }
}
