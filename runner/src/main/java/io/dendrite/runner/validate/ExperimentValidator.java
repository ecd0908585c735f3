package io.dendrite.runner.validate;

import io.dendrite.core.experiment.DataSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.TrainingSpec;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an experiment tree against the format and the plugins' declared parameters. It builds the
 * {@link Experiment} with every default filled in.
 *
 * <p>Every problem in the file is reported in one {@link ConfigException}, in file order.
 */
public final class ExperimentValidator {
  /** Default optimizer when the experiment names none. */
  public static final String DEFAULT_OPTIMIZER = "adam";

  /** Default metrics when the experiment lists none. */
  public static final List<String> DEFAULT_METRICS = List.of("accuracy");

  static final List<String> TOP_LEVEL_KEYS =
      List.of("name", "seed", "data", "model", "loss", "optimizer", "training", "metrics");

  private static final List<String> MODEL_KEYS = List.of("layers");

  /** The name becomes a folder under {@code runs/}: nothing that could leave it. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

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
    ComponentReader reader = new ComponentReader(registry, source.folder(), problems);
    Position top = root.position();

    for (ConfigMap.Entry e : root.entries()) {
      if (!TOP_LEVEL_KEYS.contains(e.key())) {
        problems.add(
            new ConfigProblem(
                e.keyPosition(),
                e.value().path(),
                UnknownKeys.message("key", e.key(), "", TOP_LEVEL_KEYS)));
      }
    }

    String name = root.get("name").map(n -> name(n, problems)).orElse(defaultName(source));
    long seed = root.get("seed").map(n -> seed(n, problems)).orElse(0L);

    DataSpec data = null;
    ConfigNode dataNode =
        required(root, "data", "a mapping with: " + names(DataSpec.PARAMS), problems);
    if (dataNode != null
        && mapping(dataNode, "a mapping with: " + names(DataSpec.PARAMS), problems)) {
      Params p =
          reader.params(
              DataSpec.PARAMS,
              (ConfigMap) dataNode,
              dataNode.position(),
              "data",
              "in data",
              "key",
              Set.of());
      data = p == null ? null : new DataSpec(p);
    }

    List<ComponentSpec> layers = layers(root, reader, problems);

    ComponentSpec loss = null;
    ConfigNode lossNode =
        required(root, "loss", "a loss id; known: " + known(PluginKind.LOSS), problems);
    if (lossNode != null) {
      loss = reader.component(lossNode, PluginKind.LOSS);
    }

    ComponentSpec optimizer =
        root.get("optimizer")
            .map(n -> reader.component(n, PluginKind.OPTIMIZER))
            .orElseGet(
                () -> reader.byDefault(PluginKind.OPTIMIZER, DEFAULT_OPTIMIZER, top, "optimizer"));

    TrainingSpec training = null;
    ConfigNode trainingNode = root.get("training").orElse(null);
    if (trainingNode == null
        || mapping(trainingNode, "a mapping with: " + names(TrainingSpec.PARAMS), problems)) {
      Params p =
          reader.params(
              TrainingSpec.PARAMS,
              (ConfigMap) trainingNode,
              trainingNode == null ? top : trainingNode.position(),
              "training",
              "in training",
              "key",
              Set.of());
      training = p == null ? null : new TrainingSpec(p);
    }

    List<ComponentSpec> metrics = metrics(root, reader, problems);

    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().sorted(ConfigProblem.IN_FILE_ORDER).toList());
    }
    Experiment experiment =
        new Experiment(name, seed, data, layers, loss, optimizer, training, metrics);
    return new LoadedExperiment(experiment, source, ConfigPositions.of(root, source.displayName()));
  }

  private List<ComponentSpec> layers(
      ConfigMap root, ComponentReader reader, List<ConfigProblem> problems) {
    ConfigNode model = required(root, "model", "a mapping with 'layers'", problems);
    if (model == null || !mapping(model, "a mapping with 'layers'", problems)) {
      return List.of();
    }
    ConfigMap modelMap = (ConfigMap) model;
    for (ConfigMap.Entry e : modelMap.entries()) {
      if (!MODEL_KEYS.contains(e.key())) {
        problems.add(
            new ConfigProblem(
                e.keyPosition(),
                e.value().path(),
                UnknownKeys.message("key", e.key(), "in model", MODEL_KEYS)));
      }
    }
    ConfigNode layersNode =
        required(modelMap, "layers", "a list of layers, e.g. [{type: dense, units: 10}]", problems);
    if (layersNode == null) {
      return List.of();
    }
    if (!(layersNode instanceof ConfigList list)) {
      problems.add(
          new ConfigProblem(
              layersNode.position(),
              layersNode.path(),
              "expected a list of layers, found " + layersNode.describe()));
      return List.of();
    }
    if (list.items().isEmpty()) {
      problems.add(new ConfigProblem(list.position(), list.path(), "must list at least one layer"));
      return List.of();
    }
    List<ComponentSpec> layers = new ArrayList<>();
    for (ConfigNode item : list.items()) {
      layers.add(reader.component(item, PluginKind.LAYER));
    }
    return layers;
  }

  private List<ComponentSpec> metrics(
      ConfigMap root, ComponentReader reader, List<ConfigProblem> problems) {
    ConfigNode node = root.get("metrics").orElse(null);
    List<ComponentSpec> metrics = new ArrayList<>();
    if (node == null) {
      for (String id : DEFAULT_METRICS) {
        metrics.add(reader.byDefault(PluginKind.METRIC, id, root.position(), "metrics"));
      }
      return metrics;
    }
    if (!(node instanceof ConfigList list)) {
      problems.add(
          new ConfigProblem(
              node.position(),
              node.path(),
              "expected a list of metric ids, e.g. [accuracy], found " + node.describe()));
      return metrics;
    }
    Map<String, ConfigNode> seen = new HashMap<>();
    for (ConfigNode item : list.items()) {
      ComponentSpec spec = reader.component(item, PluginKind.METRIC);
      metrics.add(spec);
      // Metric ids name the columns of metrics.csv and the keys of metrics.json.
      if (spec != null && seen.putIfAbsent(spec.id(), item) != null) {
        problems.add(
            new ConfigProblem(
                item.position(), item.path(), "metric '" + spec.id() + "' is listed twice"));
      }
    }
    return metrics;
  }

  private static ConfigNode required(
      ConfigMap parent, String key, String expectation, List<ConfigProblem> problems) {
    ConfigNode node = parent.get(key).orElse(null);
    if (node == null) {
      problems.add(
          new ConfigProblem(
              parent.position(),
              ConfigPath.key(parent.path(), key),
              "missing required key (" + expectation + ")"));
    }
    return node;
  }

  private static boolean mapping(
      ConfigNode node, String expectation, List<ConfigProblem> problems) {
    if (node instanceof ConfigMap) {
      return true;
    }
    problems.add(
        new ConfigProblem(
            node.position(),
            node.path(),
            "expected " + expectation + ", found " + node.describe()));
    return false;
  }

  private static String name(ConfigNode node, List<ConfigProblem> problems) {
    if (node instanceof ConfigScalar s
        && s.value() instanceof String text
        && NAME.matcher(text).matches()) {
      return text;
    }
    problems.add(
        new ConfigProblem(
            node.position(),
            node.path(),
            "expected a name of letters, digits, '.', '_' and '-' starting with a letter or digit"
                + " (it names the run folder), found "
                + node.describe()));
    return "invalid";
  }

  private static long seed(ConfigNode node, List<ConfigProblem> problems) {
    if (node instanceof ConfigScalar s) {
      if (s.value() instanceof Integer i) {
        return i;
      }
      if (s.value() instanceof Long l) {
        return l;
      }
      if (s.value() instanceof BigInteger) {
        problems.add(
            new ConfigProblem(
                node.position(),
                node.path(),
                "expected a 64-bit integer, found " + s.text() + " (too large)"));
        return 0;
      }
    }
    problems.add(
        new ConfigProblem(
            node.position(), node.path(), "expected an integer, found " + node.describe()));
    return 0;
  }

  /** The experiment file's name without its extension, made safe for a folder name. */
  static String defaultName(ExperimentSource source) {
    String file = source.file().getFileName() == null ? "" : source.file().getFileName().toString();
    int dot = file.lastIndexOf('.');
    String base = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "-");
    if (base.length() > 100) {
      base = base.substring(0, 100);
    }
    return NAME.matcher(base).matches() ? base : "experiment";
  }

  private String known(PluginKind kind) {
    List<String> names = registry.names(kind);
    return names.isEmpty() ? "none installed" : String.join(", ", names);
  }

  private static String names(List<Param<?>> params) {
    return params.stream().map(Param::name).collect(Collectors.joining(", "));
  }
}
