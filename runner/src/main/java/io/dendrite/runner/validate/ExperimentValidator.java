package io.dendrite.runner.validate;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an experiment tree against the experiment format ({@link Experiment#FORMAT}) and the
 * plugins' declared parameters, and builds the {@link Experiment} with every default filled in.
 *
 * <p>The format is declared once, in core; this class only walks it. Every problem in the file is
 * reported in one {@link ConfigException}, in file order.
 */
public final class ExperimentValidator {
  private static final Pattern NAME = Pattern.compile(Experiment.NAME_PATTERN);

  private final PluginRegistry registry;

  public ExperimentValidator(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * The experiment {@code root} describes.
   *
   * @throws ConfigException with every problem found
   */
  public LoadedExperiment validate(ConfigMap root, ExperimentSource source) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigReader reader = new ConfigReader(registry, source.folder(), problems);
    Params params =
        reader.section(Experiment.FORMAT, root, root.position(), "", "", "key", Set.of());
    problems.addAll(new OutputChecks(registry, source.folder()).check(root));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().sorted(ConfigProblem.IN_FILE_ORDER).toList());
    }
    Experiment experiment = Experiment.of(params, defaultName(source));
    return new LoadedExperiment(experiment, source, ConfigPositions.of(root, source.displayName()));
  }

  /** The experiment file's name without its extension, made safe for a folder name. */
  static String defaultName(ExperimentSource source) {
    String file = source.file().getFileName() == null ? "" : source.file().getFileName().toString();
    int dot = file.lastIndexOf('.');
    String base = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "-");
    if (base.length() > Experiment.NAME_MAX_LENGTH) {
      base = base.substring(0, Experiment.NAME_MAX_LENGTH);
    }
    return NAME.matcher(base).matches() ? base : "experiment";
  }
}
