package io.dendrite.runner;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigOverride;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.ExperimentValidator;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an experiment file and command-line overrides into a validated experiment. It reads the
 * YAML safely, applies the overrides, and validates against the plugins.
 */
public final class ExperimentLoader {
  private static final Logger log = LoggerFactory.getLogger(ExperimentLoader.class);

  private final YamlTreeReader reader = new YamlTreeReader();
  private final ExperimentValidator validator;

  public ExperimentLoader(PluginRegistry registry) {
    this.validator = new ExperimentValidator(registry);
  }

  /**
   * Loads {@code file} with {@code overrides} ({@code key.path=value}) applied in order. Messages
   * name the file {@code displayName}.
   *
   * @throws ConfigException with every problem found
   */
  public LoadedExperiment load(Path file, String displayName, List<String> overrides) {
    ExperimentSource source = new ExperimentSource(file, displayName, overrides);
    ConfigDocument document = reader.readDocument(source.file(), displayName);
    ConfigMap tree = document.root();
    List<ConfigProblem> problems = new ArrayList<>();
    for (String argument : overrides) {
      try {
        tree =
            ConfigOverride.parse(argument, text -> reader.parseValue(text, argument)).applyTo(tree);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    try {
      LoadedExperiment loaded = validator.validate(tree, source);
      if (!document.problems().isEmpty()) {
        throw new ConfigException(document.problems());
      }
      log.debug("{}: valid, resolved to {}", displayName, loaded.experiment());
      return loaded;
    } catch (ConfigException e) {
      throw new ConfigException(merge(document.problems(), e.problems()));
    }
  }

  /**
   * Reading and validation problems together, in file order. A value refused while reading is in
   * the tree as null, so what validation says about it (or inside it) would only repeat the first
   * problem and is left out.
   */
  static List<ConfigProblem> merge(List<ConfigProblem> reading, List<ConfigProblem> validation) {
    List<ConfigProblem> all = new ArrayList<>(reading);
    for (ConfigProblem p : validation) {
      boolean repeats =
          reading.stream()
              .anyMatch(
                  r ->
                      p.equals(r)
                          || p.path().equals(r.path())
                          || p.path().startsWith(r.path() + ".")
                          || p.path().startsWith(r.path() + "["));
      if (!repeats) {
        all.add(p);
      }
    }
    all.sort(ConfigProblem.IN_FILE_ORDER);
    return all;
  }
}
