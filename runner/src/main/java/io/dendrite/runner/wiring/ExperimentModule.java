package io.dendrite.runner.wiring;

import com.google.inject.AbstractModule;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.runner.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;

/**
 * Binds one resolved experiment and the settings of its run. Its {@link ComponentFactory} creates
 * components through the plugins of {@link PluginModule}.
 */
public final class ExperimentModule extends AbstractModule {
  private final LoadedExperiment loaded;
  private final RunSettings settings;

  public ExperimentModule(LoadedExperiment loaded, RunSettings settings) {
    this.loaded = loaded;
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(LoadedExperiment.class).toInstance(loaded);
    bind(Experiment.class).toInstance(loaded.experiment());
    bind(RunSettings.class).toInstance(settings);
    bind(ComponentFactory.class).to(GuiceComponentFactory.class);
  }
}
