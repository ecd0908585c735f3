package io.dendrite.runner.cli;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.Position;
import io.dendrite.runner.plugins.ExperimentPluginFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: a plugin folder (or one jar) to load besides the standard ones. */
final class PluginsOption {
  static final String NAME = "--plugins";

  @Option(
      names = NAME,
      paramLabel = "DIR",
      description =
          "Also load the plugin jars in DIR (a folder, or one .jar file); may be given more than"
              + " once. Standard folders: plugins/ beside the launcher, plugins/ here,"
              + " ~/.dendrite/plugins/.")
  List<String> folders = new ArrayList<>();

  /**
   * The folders given, resolved against the working directory.
   *
   * @throws ConfigException for one that does not exist (a usage error)
   */
  List<Path> resolve(CliEnvironment env) {
    List<Path> paths = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (String folder : folders) {
      Path path = env.resolve(folder);
      String problem = ExperimentPluginFolders.problem(path);
      if (problem == null) {
        paths.add(path);
      } else {
        problems.add(new ConfigProblem(Position.file(NAME + " " + folder), "", problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return paths;
  }
}
