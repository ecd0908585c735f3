package io.dendrite.runner.sweep;

import io.dendrite.core.Suggestions;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code sweep:} section into a {@link SweepSpec}, collecting every problem with its line
 * and column. The swept paths themselves are checked later, against the experiment, by {@link
 * SweepLoader}.
 */
final class SweepSpecReader {
  static final String SECTION = "sweep";
  private static final List<String> KEYS =
      List.of("method", "metric", "goal", "trials", "parameters");
  private static final List<String> DISTRIBUTIONS =
      List.of("uniform", "log_uniform", "int_uniform", "choice");
  private static final int MAX_TRIALS = 10_000;

  private final List<ConfigProblem> problems;

  SweepSpecReader(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /** The sweep {@code node} describes, or null when anything is wrong (the problems say what). */
  SweepSpec read(ConfigNode node) {
    int before = problems.size();
    if (!(node instanceof ConfigMap map)) {
      problem(
          node,
          "expected a mapping {method: grid, metric: ..., parameters: {...}}, found "
              + node.describe());
      return null;
    }
    for (ConfigMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        problems.add(
            new ConfigProblem(e.keyPosition(), e.value().path(), unknown("key", e.key(), KEYS)));
      }
    }
    String methodText = text(map, "method", "grid", List.of("grid", "random"));
    SweepSpec.Method method =
        "random".equals(methodText) ? SweepSpec.Method.RANDOM : SweepSpec.Method.GRID;
    String metric = text(map, "metric", "val_loss", null);
    String goal = text(map, "goal", "auto", List.of("auto", "max", "min"));
    int trials = 0;
    Optional<ConfigNode> trialsNode = map.get("trials");
    if (method == SweepSpec.Method.RANDOM) {
      if (trialsNode.isEmpty()) {
        problems.add(
            new ConfigProblem(
                map.position(),
                map.path(),
                "method: random needs trials: the number of trials to draw, e.g. trials: 20"));
      } else {
        trials = integer(trialsNode.get(), 1, MAX_TRIALS);
      }
    } else if (trialsNode.isPresent()) {
      problem(trialsNode.get(), "trials is for method: random; a grid runs every combination");
    }
    List<SweptParameter> parameters = new ArrayList<>();
    Optional<ConfigMap.Entry> params = map.entry("parameters");
    if (params.isEmpty()) {
      problems.add(
          new ConfigProblem(
              map.position(),
              map.path(),
              "needs parameters: {path: {values: [...]}}, e.g. optimizer.learning_rate: {values:"
                  + " [0.001, 0.01]}"));
    } else if (!(params.get().value() instanceof ConfigMap pm) || pm.entries().isEmpty()) {
      problem(
          params.get().value(),
          "expected a mapping of override paths to {values: [...]} or {distribution: ...},"
              + " found "
              + params.get().value().describe());
    } else {
      for (ConfigMap.Entry e : pm.entries()) {
        Distribution d = distribution(e.value(), method);
        if (d != null) {
          parameters.add(new SweptParameter(e.key(), e.keyPosition(), d));
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new SweepSpec(
        method,
        metric,
        "auto".equals(goal) ? Optional.empty() : Optional.of(goal),
        trials,
        parameters);
  }

  private Distribution distribution(ConfigNode node, SweepSpec.Method method) {
    if (!(node instanceof ConfigMap m)) {
      problem(
          node,
          "expected {values: [...]} or {distribution: uniform, min: ..., max: ...},"
              + " found "
              + node.describe());
      return null;
    }
    int before = problems.size();
    String kind =
        m.get("distribution").isPresent() ? text(m, "distribution", null, DISTRIBUTIONS) : "choice";
    if (kind == null) {
      return null;
    }
    Set<String> keys =
        kind.equals("choice")
            ? Set.of("distribution", "values")
            : Set.of("distribution", "min", "max");
    for (ConfigMap.Entry e : m.entries()) {
      if (!keys.contains(e.key())) {
        problems.add(
            new ConfigProblem(
                e.keyPosition(),
                e.value().path(),
                unknown("key", e.key(), List.copyOf(new java.util.TreeSet<>(keys)))
                    + " (of distribution "
                    + kind
                    + ")"));
      }
    }
    if (method == SweepSpec.Method.GRID && !kind.equals("choice")) {
      problem(
          m.get("distribution").orElseThrow(),
          "a grid takes a list of values; draw from " + kind + " with method: random");
      return null;
    }
    if (kind.equals("choice")) {
      Optional<ConfigNode> values = m.get("values");
      if (values.isEmpty()) {
        problem(m, "needs values: [...], the values to try");
        return null;
      }
      if (!(values.get() instanceof ConfigList list) || list.items().isEmpty()) {
        problem(
            values.get(),
            "expected a list of at least one value, found " + values.get().describe());
        return null;
      }
      return problems.size() > before ? null : new Distribution.Values(list.items());
    }
    Optional<ConfigNode> minNode = m.get("min");
    Optional<ConfigNode> maxNode = m.get("max");
    if (minNode.isEmpty() || maxNode.isEmpty()) {
      problem(
          m,
          kind
              + " needs min and max, e.g. {distribution: "
              + kind
              + ", min: "
              + (kind.equals("int_uniform") ? "32, max: 256}" : "0.0001, max: 0.1}"));
      return null;
    }
    if (kind.equals("int_uniform")) {
      long min = integer(minNode.get(), Integer.MIN_VALUE, Integer.MAX_VALUE);
      long max = integer(maxNode.get(), Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (problems.size() > before) {
        return null;
      }
      if (max < min || max - min >= Integer.MAX_VALUE) {
        problem(maxNode.get(), "must be >= min (" + min + ") and within 2^31 of it");
        return null;
      }
      return new Distribution.IntUniform(min, max, m.position());
    }
    double min = number(minNode.get());
    double max = number(maxNode.get());
    if (problems.size() > before) {
      return null;
    }
    if (!(max > min)) {
      problem(maxNode.get(), "must be > min (" + min + ")");
      return null;
    }
    if (kind.equals("log_uniform")) {
      if (!(min > 0)) {
        problem(minNode.get(), "must be > 0 for log_uniform");
        return null;
      }
      return new Distribution.LogUniform(min, max, m.position());
    }
    return new Distribution.Uniform(min, max, m.position());
  }

  private String text(ConfigMap map, String key, String byDefault, List<String> allowed) {
    Optional<ConfigNode> node = map.get(key);
    if (node.isEmpty()) {
      return byDefault;
    }
    if (!(node.get() instanceof ConfigScalar s) || !s.isText()) {
      problem(node.get(), "expected text, found " + node.get().describe());
      return null;
    }
    String value = ((String) s.value()).toLowerCase(Locale.ROOT);
    if (allowed != null && !allowed.contains(value)) {
      problem(s, unknown(key, value, allowed));
      return null;
    }
    return value;
  }

  private int integer(ConfigNode node, long min, long max) {
    if (node instanceof ConfigScalar s
        && (s.value() instanceof Integer || s.value() instanceof Long)) {
      long v = ((Number) s.value()).longValue();
      if (v >= min && v <= max) {
        return (int) v;
      }
      problem(node, "must be from " + min + " to " + max + ", found " + v);
      return 0;
    }
    problem(node, "expected an integer, found " + node.describe());
    return 0;
  }

  private double number(ConfigNode node) {
    if (node instanceof ConfigScalar s
        && s.value() instanceof Number n
        && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    problem(node, "expected a finite number, found " + node.describe());
    return Double.NaN;
  }

  private void problem(ConfigNode node, String message) {
    problems.add(new ConfigProblem(node.position(), node.path(), message));
  }

  private static String unknown(String what, String value, List<String> known) {
    StringBuilder s = new StringBuilder("unknown " + what + " '" + value + "'");
    Suggestions.closest(value, known)
        .ifPresent(g -> s.append(" (did you mean '").append(g).append("'?)"));
    return s.append("; known: ").append(String.join(", ", known)).toString();
  }
}
