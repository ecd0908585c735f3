package io.dendrite.runner.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.dendrite.core.DendriteException;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.runner.DendriteVersion;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.output.Checkpoints;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.wiring.PluginModule;
import io.dendrite.runner.wiring.RunModule;
import java.util.List;
import java.util.Optional;

/**
 * Trains a loaded experiment in a locked run directory, from the start or from a checkpoint, and
 * records in the directory how it ended: completed, or failed with the error.
 */
final class RunExecution {
  /** Long enough for the JIT on a busy machine; usually done in half a second. */
  private static final long WARM_UP_MILLIS = 3000;

  private RunExecution() {}

  static void perform(
      CliEnvironment env,
      PluginRegistry registry,
      LoadedExperiment loaded,
      RunDirectory directory,
      boolean quiet,
      Optional<Checkpoints.Found> resume) {
    RunSettings settings =
        new RunSettings(
            directory.path(),
            env.shown(directory.path()),
            env.out(),
            quiet,
            env.terminal(),
            DendriteVersion.get(),
            env.cacheFolder());
    Injector injector =
        Guice.createInjector(new PluginModule(registry), new RunModule(loaded, settings));
    // Compiled kernels before the first step: it runs allocation-free and at full speed.
    Kernels.warmUp(WARM_UP_MILLIS);
    directory.started(
        loaded.experiment().name(),
        settings.version(),
        resume.map(f -> directory.path().relativize(f.file()).toString()));
    try {
      injector.getInstance(ExperimentRun.class).execute(resume);
      directory.completed();
    } catch (RuntimeException e) {
      RuntimeException reported = positioned(loaded, unwrap(e));
      directory.failed(String.valueOf(reported.getMessage()));
      throw reported;
    }
  }

  private static RuntimeException unwrap(RuntimeException e) {
    RuntimeException r = e;
    while (r instanceof ProvisionException && r.getCause() instanceof RuntimeException cause) {
      r = cause;
    }
    return r;
  }

  /** A problem core found once the data was loaded, pointed at the field in the file. */
  private static RuntimeException positioned(LoadedExperiment loaded, RuntimeException e) {
    if (e instanceof DendriteException d
        && d.configPath() != null
        && !(e instanceof ConfigException)) {
      return new ConfigException(List.of(loaded.problemAt(d.configPath(), d.getMessage())), e);
    }
    return e;
  }
}
