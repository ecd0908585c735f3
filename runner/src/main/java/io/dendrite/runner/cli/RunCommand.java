package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.output.Checkpoints;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.validate.LoadedExperiment;
import java.util.Optional;
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
          + " metrics.json, model.safetensors, checkpoints/, run.json."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

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
      startOver(directory);
      RunExecution.perform(env, registry, loaded, directory, quiet, Optional.empty());
    }
  }

  /** A run that stopped in this folder before is replaced; say so, and how to continue it. */
  private void startOver(RunDirectory directory) {
    directory
        .previous()
        .ifPresent(
            before -> {
              int removed = new Checkpoints(directory.checkpoints()).deleteAll();
              env.err()
                  .printf(
                      "note: %s held a run that %s; starting it over%s (to continue a stopped run"
                          + " instead: dendrite resume %s)%n",
                      env.shown(directory.path()),
                      before.status().id().equals("failed") ? "failed" : "was interrupted",
                      removed == 0 ? "" : ", its " + removed + " checkpoint(s) deleted",
                      env.shown(directory.path()));
              env.err().flush();
            });
  }

  private RunDirectory runDirectory(LoadedExperiment loaded) {
    if (out != null) {
      return RunDirectory.claim(env.resolve(out), env.clock());
    }
    return RunDirectory.createNew(
        env.workingDirectory().resolve("runs"), loaded.experiment().name(), env.clock());
  }
}
