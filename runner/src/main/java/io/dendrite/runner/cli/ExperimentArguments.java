package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.plugins.ExperimentPluginFolders;
import io.dendrite.runner.validate.LoadedExperiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The experiment file, its overrides and extra plugin folders, as every command that reads one
 * takes them; and the order in which they are used: the file's {@code plugins:} and {@code
 * --plugins} first, then the plugins they hold are discovered, then the file is validated.
 */
final class ExperimentArguments {
  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
  String file;

  @Parameters(
      index = "1..*",
      paramLabel = "key.path=value",
      description = "Values that replace or add to the file's, e.g. training.epochs=5.")
  List<String> overrides = new ArrayList<>();

  @Mixin PluginsOption plugins;

  /** The file, absolute. */
  Path path(CliEnvironment env) {
    return env.resolve(file);
  }

  /**
   * The plugin folders this run adds to the standard ones: {@code --plugins}, then the file's
   * {@code plugins:}.
   *
   * @throws ConfigException for a folder that does not exist
   */
  List<Path> pluginFolders(CliEnvironment env) {
    List<Path> folders = new ArrayList<>(plugins.resolve(env));
    folders.addAll(ExperimentPluginFolders.of(path(env), file, overrides));
    return folders;
  }

  /**
   * The validated experiment. Plugin problems are printed once: those the validation errors do not
   * already explain, before them.
   *
   * @throws ConfigException with every problem in the file
   */
  LoadedExperiment load(CliEnvironment env, PluginRegistry registry) {
    try {
      LoadedExperiment loaded = new ExperimentLoader(registry).load(path(env), file, overrides);
      PluginWarnings.print(registry, env.err());
      return loaded;
    } catch (ConfigException e) {
      String shown =
          e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
      PluginWarnings.printExcept(registry, shown, env.err());
      throw e;
    }
  }
}
