package io.dendrite.runner.sweep;

import io.dendrite.core.Suggestions;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Metric;
import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigOverride;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.ExperimentValidator;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an experiment file with a {@code sweep:} section into a {@link SweepPlan}: the base
 * experiment, and one validated experiment per trial.
 *
 * <p>Each trial is the base experiment with the trial's values applied exactly as command-line
 * overrides are ({@link ConfigOverride}), then validated; so a swept path that does not exist, or a
 * value its field refuses, is a problem reported before anything runs, at the line and column of
 * the sweep section where it is written. Random trials draw their values from a stream seeded by
 * the experiment's seed and the trial's index, so trial 7 is the same whatever the trial count.
 */
public final class SweepLoader {
  private static final int MAX_TRIALS = 10_000;

  private final PluginRegistry registry;
  private final YamlTreeReader reader = new YamlTreeReader();
  private final ExperimentValidator validator;

  public SweepLoader(PluginRegistry registry) {
    this.registry = registry;
    this.validator = new ExperimentValidator(registry);
  }

  /**
   * The sweep in {@code file}, with {@code overrides} applied to the base experiment first.
   *
   * @throws ConfigException with every problem found, in the file or in any trial
   */
  public SweepPlan load(Path file, String displayName, List<String> overrides) {
    ConfigDocument document = reader.readDocument(file, displayName);
    List<ConfigProblem> problems = new ArrayList<>(document.problems());
    ConfigMap root = document.root();
    Optional<ConfigMap.Entry> section = root.entry(SweepSpecReader.SECTION);
    if (section.isEmpty()) {
      throw ConfigException.of(
          Position.file(displayName),
          "",
          "has no sweep: section; add one, e.g. sweep: {method: grid, metric: val_accuracy,"
              + " parameters: {optimizer.learning_rate: {values: [0.001, 0.01]}}}");
    }
    ConfigMap base = without(root, SweepSpecReader.SECTION);
    for (String argument : overrides) {
      try {
        base =
            ConfigOverride.parse(argument, text -> reader.parseValue(text, argument)).applyTo(base);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    SweepSpec spec = new SweepSpecReader(problems).read(section.get().value());
    if (spec == null) {
      throw new ConfigException(sorted(problems));
    }
    List<Map<SweptParameter, ConfigNode>> assignments = assignments(spec, root, displayName);
    long seed = seedOf(base);
    Set<String> seen = new LinkedHashSet<>();
    problems.forEach(p -> seen.add(p.toString()));
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < assignments.size(); i++) {
      Map<SweptParameter, ConfigNode> values =
          spec.method() == SweepSpec.Method.GRID ? assignments.get(i) : drawn(spec, seed, i + 1);
      Trial trial = trial(i + 1, base, values, file, displayName, overrides, problems, seen);
      if (trial != null) {
        trials.add(trial);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(sorted(problems));
    }
    return new SweepPlan(
        trials.get(0).experiment().experiment().name(),
        spec,
        maximize(spec, section.get().value(), trials.get(0).experiment().experiment()),
        trials);
  }

  private Trial trial(
      int index,
      ConfigMap base,
      Map<SweptParameter, ConfigNode> values,
      Path file,
      String displayName,
      List<String> overrides,
      List<ConfigProblem> problems,
      Set<String> seen) {
    ConfigMap tree = base;
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, Position> argumentAt = new LinkedHashMap<>();
    List<ConfigProblem> found = new ArrayList<>();
    for (Map.Entry<SweptParameter, ConfigNode> e : values.entrySet()) {
      SweptParameter p = e.getKey();
      String text = flow(e.getValue());
      String argument = p.path() + "=" + text;
      shown.put(p.path(), text);
      argumentAt.put(Position.override(argument).source(), p.at());
      try {
        tree = ConfigOverride.parse(argument, ignored -> e.getValue()).applyTo(tree);
      } catch (ConfigException x) {
        found.addAll(x.problems());
      }
    }
    List<String> applied = new ArrayList<>(overrides);
    shown.forEach((path, text) -> applied.add(path + "=" + text));
    LoadedExperiment loaded = null;
    if (found.isEmpty()) {
      try {
        loaded = validator.validate(tree, new ExperimentSource(file, displayName, applied));
      } catch (ConfigException x) {
        found.addAll(x.problems());
      }
    }
    for (ConfigProblem p : found) {
      // A key an override created has the override's position: point at the swept path instead.
      Position at = argumentAt.getOrDefault(p.position().source(), p.position());
      ConfigProblem moved = new ConfigProblem(at, p.path(), p.message());
      if (seen.add(moved.toString())) {
        problems.add(moved);
      }
    }
    return loaded == null ? null : new Trial(index, shown, loaded);
  }

  /** Every combination for a grid, the first parameter varying slowest; placeholders otherwise. */
  private static List<Map<SweptParameter, ConfigNode>> assignments(
      SweepSpec spec, ConfigMap root, String displayName) {
    List<Map<SweptParameter, ConfigNode>> out = new ArrayList<>();
    if (spec.method() == SweepSpec.Method.RANDOM) {
      for (int i = 0; i < spec.trials(); i++) {
        out.add(Map.of());
      }
      return out;
    }
    long count = 1;
    for (SweptParameter p : spec.parameters()) {
      count *= ((Distribution.Values) p.distribution()).values().size();
      if (count > MAX_TRIALS) {
        throw ConfigException.of(
            root.get(SweepSpecReader.SECTION)
                .map(ConfigNode::position)
                .orElse(Position.file(displayName)),
            SweepSpecReader.SECTION,
            "the grid has more than " + MAX_TRIALS + " combinations; use method: random");
      }
    }
    out.add(new LinkedHashMap<>());
    for (SweptParameter p : spec.parameters()) {
      List<Map<SweptParameter, ConfigNode>> next = new ArrayList<>();
      for (Map<SweptParameter, ConfigNode> partial : out) {
        for (ConfigNode value : ((Distribution.Values) p.distribution()).values()) {
          Map<SweptParameter, ConfigNode> m = new LinkedHashMap<>(partial);
          m.put(p, value);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /** Trial {@code index}'s values, from its own stream: the same whatever the trial count. */
  static Map<SweptParameter, ConfigNode> drawn(SweepSpec spec, long seed, int index) {
    Rng rng = trialStream(seed, index);
    Map<SweptParameter, ConfigNode> values = new LinkedHashMap<>();
    for (SweptParameter p : spec.parameters()) {
      values.put(p, p.distribution().draw(rng));
    }
    return values;
  }

  /**
   * The stream of trial {@code index}: its seed mixes the experiment's seed, a constant of its own
   * (so it is none of the run's streams) and the index.
   */
  static Rng trialStream(long seed, int index) {
    return new Rng(seed * 0x9E3779B97F4A7C15L + 0x73776565704C3131L + index);
  }

  private boolean maximize(SweepSpec spec, ConfigNode section, Experiment experiment) {
    List<String> known = new ArrayList<>();
    Map<String, ComponentSpec> byName = new LinkedHashMap<>();
    for (String prefix : List.of("", "val_", "test_")) {
      known.add(prefix + "loss");
      for (ComponentSpec m : experiment.metrics()) {
        known.add(prefix + m.name());
        byName.put(prefix + m.name(), m);
      }
    }
    String metric = spec.metric();
    if (!known.contains(metric)) {
      Position at =
          ((ConfigMap) section).get("metric").map(ConfigNode::position).orElse(section.position());
      StringBuilder m = new StringBuilder("'" + metric + "' is not measured");
      Suggestions.closest(metric, known)
          .ifPresent(g -> m.append(" (did you mean '").append(g).append("'?)"));
      throw ConfigException.of(
          at, "sweep.metric", m.append("; known: ").append(String.join(", ", known)).toString());
    }
    if (spec.goal().isPresent()) {
      return spec.goal().get().equals("max");
    }
    ComponentSpec m = byName.get(metric);
    return m != null && registry.create(m, Metric.class).goal() == Metric.Goal.MAXIMIZE;
  }

  private static long seedOf(ConfigMap base) {
    return base.get("seed")
        .filter(n -> n instanceof ConfigScalar s && s.value() instanceof Number)
        .map(n -> ((Number) ((ConfigScalar) n).value()).longValue())
        .orElse(0L);
  }

  private static ConfigMap without(ConfigMap map, String key) {
    return new ConfigMap(
        map.position(),
        map.path(),
        map.entries().stream().filter(e -> !e.key().equals(key)).toList());
  }

  /** A value as one line of flow YAML: how it is shown in {@code sweep.csv} and on screen. */
  static String flow(ConfigNode node) {
    if (node instanceof ConfigScalar s) {
      return s.value() == null ? "null" : s.text();
    }
    if (node instanceof ConfigList list) {
      return "[" + String.join(", ", list.items().stream().map(SweepLoader::flow).toList()) + "]";
    }
    ConfigMap map = (ConfigMap) node;
    List<String> parts = new ArrayList<>();
    map.entries().forEach(e -> parts.add(e.key() + ": " + flow(e.value())));
    return "{" + String.join(", ", parts) + "}";
  }

  private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
    return problems.stream().sorted(ConfigProblem.IN_FILE_ORDER).toList();
  }
}
