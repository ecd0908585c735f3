package io.dendrite.runner.cli;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.validate.LoadedExperiment;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dendrite validate FILE [key.path=value ...]}: check an experiment without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check an experiment file against the format and the installed plugins.",
      "Prints FILE: valid and exits 0, or every problem as FILE:LINE:COL: field: message and"
          + " exits 2."
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin ExperimentArguments experiment;

  @Mixin DebugOption debug;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins plugins = env.openPlugins(experiment.pluginFolders(env))) {
      LoadedExperiment loaded = experiment.load(env, plugins.registry());
      env.out().println(experiment.file + ": valid");
      env.out().println(summary(loaded.experiment()));
      env.out().flush();
      return 0;
    } catch (ConfigException e) {
      e.problems().forEach(env.err()::println);
      int n = e.problems().size();
      env.err()
          .println(experiment.file + ": invalid (" + n + (n == 1 ? " problem)" : " problems)"));
      env.err().flush();
      return e.exitCode();
    }
  }

  static String summary(Experiment e) {
    return e.name()
        + ": "
        + e.layers().size()
        + (e.layers().size() == 1 ? " layer (" : " layers (")
        + e.layers().stream().map(ComponentSpec::id).collect(Collectors.joining(", "))
        + "), loss "
        + e.loss().id()
        + ", optimizer "
        + e.optimizer().id()
        + ", "
        + e.training().epochs()
        + " epochs of batch "
        + e.training().batchSize()
        + ", train data "
        + e.data().train().id()
        + ", metrics "
        + (e.metrics().isEmpty()
            ? "none"
            : e.metrics().stream().map(ComponentSpec::name).collect(Collectors.joining(", ")));
  }
}
