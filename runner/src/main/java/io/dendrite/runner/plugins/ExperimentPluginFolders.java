package io.dendrite.runner.plugins;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigOverride;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin folders an experiment file names in its {@code plugins} key, read before anything else
 * in the file: the plugins they hold decide what the rest of the file may say.
 *
 * <p>Only this key is read here. A file that cannot be read, or a {@code plugins} value of the
 * wrong shape, gives no folders, and validation then reports the problem with everything else. A
 * folder that does not exist is reported here, at its line, since nothing later could explain the
 * unknown ids it causes.
 */
public final class ExperimentPluginFolders {
  private ExperimentPluginFolders() {}

  /**
   * The folders (or jars) {@code file}, with {@code overrides} applied, names, absolute.
   *
   * @throws ConfigException for a named folder or jar that does not exist
   */
  public static List<Path> of(Path file, String displayName, List<String> overrides) {
    YamlTreeReader reader = new YamlTreeReader();
    ConfigMap tree;
    try {
      ConfigDocument document = reader.readDocument(file, displayName);
      tree = document.root();
      for (String argument : overrides) {
        tree =
            ConfigOverride.parse(argument, text -> reader.parseValue(text, argument)).applyTo(tree);
      }
    } catch (ConfigException e) {
      return List.of(); // the experiment loader reports it, with every other problem
    }
    ConfigNode node = tree.get(Experiment.PLUGINS.name()).orElse(null);
    if (!(node instanceof ConfigList list)) {
      return List.of();
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    List<Path> folders = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigNode item : list.items()) {
      if (!(item instanceof ConfigScalar s && s.isText() && !((String) s.value()).isBlank())) {
        continue;
      }
      Path path;
      try {
        path = folder.resolve((String) s.value()).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        continue; // validation says why
      }
      String problem = problem(path);
      if (problem == null) {
        folders.add(path);
      } else {
        problems.add(new ConfigProblem(item.position(), item.path(), problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return folders;
  }

  /** Why {@code path} cannot be a plugin folder or jar, or null when it can. */
  public static String problem(Path path) {
    if (Files.isDirectory(path)) {
      return null;
    }
    if (Files.isRegularFile(path)) {
      return path.getFileName().toString().endsWith(".jar")
          ? null
          : "not a plugin folder nor a .jar file: " + path;
    }
    return "no such plugin folder or jar: " + path;
  }
}
