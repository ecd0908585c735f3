package io.dendrite.runner.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dendrite.core.DendriteException;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.runner.DendriteVersion;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.wiring.PluginModule;
import io.dendrite.runner.wiring.RunModule;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dendrite run FILE [key.path=value ...]}: validate, train, evaluate, write the results. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Train and evaluate the experiment in FILE, with the plugins of the standard plugin folders,"
          + " of --plugins and of the file's plugins: key.",
      "Writes runs/<name>/<timestamp>/ (or --out DIR): experiment.resolved.yaml, metrics.csv,"
          + " metrics.json."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  /** Long enough for the JIT on a busy machine; usually done in half a second. */
  private static final long WARM_UP_MILLIS = 3000;

  private final CliEnvironment env;

  @Mixin ExperimentArguments experiment;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write the run here instead of runs/<name>/<timestamp>/; refused if DIR holds another"
              + " run's results or is in use.")
  String out;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the test metrics and where the results are.")
  boolean quiet;

  @Mixin DebugOption debug;

  RunCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins plugins = env.openPlugins(experiment.pluginFolders(env))) {
      PluginRegistry registry = plugins.registry();
      LoadedExperiment loaded = experiment.load(env, registry);
      run(registry, loaded);
    }
    return 0;
  }

  /** Trains; the plugin jars stay open meanwhile, as classes load as they are first used. */
  private void run(PluginRegistry registry, LoadedExperiment loaded) {
    try (RunDirectory directory = runDirectory(loaded)) {
      log.debug("running {} in {}", loaded.experiment().name(), directory.path());
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
      injector.getInstance(ExperimentRun.class).execute();
    } catch (DendriteException e) {
      if (e.configPath() != null && !(e instanceof ConfigException)) {
        // Found by core once the data was loaded: point at the field in the file.
        throw new ConfigException(List.of(loaded.problemAt(e.configPath(), e.getMessage())), e);
      }
      throw e;
    }
  }

  private RunDirectory runDirectory(LoadedExperiment loaded) {
    if (out != null) {
      return RunDirectory.claim(env.resolve(out));
    }
    return RunDirectory.createNew(
        env.workingDirectory().resolve("runs"), loaded.experiment().name(), env.clock());
  }
}
