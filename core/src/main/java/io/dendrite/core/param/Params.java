package io.dendrite.core.param;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validated values for every declared parameter of one plugin, defaults filled in.
 *
 * <p>Immutable. Built only through {@link #resolve(List, Map)}, which checks types and ranges and
 * refuses undeclared names, so a plugin can trust every value it reads.
 */
public final class Params {
  private static final Params EMPTY = new Params(List.of(), Map.of());

  private final List<Param<?>> declared;
  private final Map<String, Object> values;

  private Params(List<Param<?>> declared, Map<String, Object> values) {
    this.declared = List.copyOf(declared);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No parameters. */
  public static Params empty() {
    return EMPTY;
  }

  /**
   * Checks {@code given} (parameter name to plain Java value) against {@code declared} and fills in
   * defaults.
   *
   * @throws ParamException listing every problem found, one per parameter name
   */
  public static Params resolve(List<Param<?>> declared, Map<String, ?> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<ParamProblem> problems = new ArrayList<>();
    Map<String, Param<?>> byName = new LinkedHashMap<>();
    for (Param<?> p : declared) {
      byName.put(p.name(), p);
    }
    for (String name : given.keySet()) {
      if (!byName.containsKey(name)) {
        problems.add(new ParamProblem(name, ParamProblem.Reason.UNKNOWN, "unknown parameter"));
      }
    }
    for (Param<?> p : declared) {
      if (given.containsKey(p.name())) {
        try {
          values.put(p.name(), p.convert(given.get(p.name())));
        } catch (IllegalArgumentException e) {
          problems.add(new ParamProblem(p.name(), ParamProblem.Reason.INVALID, e.getMessage()));
        }
      } else if (p.defaultValue().isPresent()) {
        values.put(p.name(), p.defaultValue().get());
      } else if (p.defaultComponentId().isPresent()) {
        // The default plugin's own defaults are filled in when it is created (see
        // PluginRegistry#create), where its declarations are known.
        values.put(
            p.name(),
            new ComponentSpec(p.componentKind(), p.defaultComponentId().get(), Params.empty()));
      } else if (p.isRequired()) {
        problems.add(
            new ParamProblem(
                p.name(),
                ParamProblem.Reason.MISSING,
                "missing required parameter (" + p.expectation() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ParamException(problems);
    }
    return new Params(declared, values);
  }

  /** The value of {@code param}, which must be one this object was resolved with. */
  public <T> T get(Param<T> param) {
    if (!declared.contains(param)) {
      throw new IllegalArgumentException("parameter " + param.name() + " was not declared");
    }
    Object v = values.get(param.name());
    if (v == null) {
      throw new IllegalStateException("parameter " + param.name() + " has no value");
    }
    return param.javaType().cast(v);
  }

  /** True when {@code param} has a value (false only for an optional component left out). */
  public boolean has(Param<?> param) {
    return values.containsKey(param.name());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The values as they are held: Integer, Double, Boolean, String, Path or ComponentSpec. */
  public Map<String, Object> values() {
    return values;
  }

  /** The declarations these values were resolved against. */
  public List<Param<?>> declared() {
    return declared;
  }

  /**
   * The values as plain data: numbers, booleans, strings, paths as strings and components as {@code
   * {type: id, ...}} maps, in declaration order. Used to write resolved configuration.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  static Object plain(Object v) {
    if (v instanceof ComponentSpec spec) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", spec.id());
      m.putAll(spec.params().toMap());
      return m;
    }
    if (v instanceof Path p) {
      return p.toString();
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
