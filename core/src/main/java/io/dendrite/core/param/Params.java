package io.dendrite.core.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validated values for every declared parameter of one plugin or section, defaults filled in.
 *
 * <p>Immutable. Built only through {@link #resolve(List, Map)}, which checks types and ranges and
 * refuses undeclared names, so code can trust every value it reads.
 */
public final class Params {
  private static final Params EMPTY = new Params(List.of(), Map.of());

  private final List<Param<?>> declared;
  private final Map<String, Object> values;

  private Params(List<Param<?>> declared, Map<String, Object> values) {
    this.declared = List.copyOf(declared);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No parameters declared and none given: for plugins that take none. */
  public static Params empty() {
    return EMPTY;
  }

  /**
   * The defaults of {@code declared}, as a plugin gets them when configuration gives nothing.
   *
   * @throws ParamException when a parameter is required
   */
  public static Params defaults(List<Param<?>> declared) {
    return resolve(declared, Map.of());
  }

  /**
   * Checks {@code given} (parameter name to plain Java value) against {@code declared} and fills in
   * defaults.
   *
   * @throws ParamException listing every problem found
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
        } catch (ParamException e) {
          e.problems().forEach(inner -> problems.add(inner.under(p.name())));
        } catch (IllegalArgumentException e) {
          problems.add(new ParamProblem(p.name(), ParamProblem.Reason.INVALID, e.getMessage()));
        }
      } else if (p.defaultValue().isPresent()) {
        values.put(p.name(), p.defaultValue().get());
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
  @SuppressWarnings("unchecked")
  public <T> T get(Param<T> param) {
    if (!declared.contains(param)) {
      throw new IllegalArgumentException(
          "parameter "
              + param.name()
              + " was not declared"
              + (declared.isEmpty()
                  ? " (these are empty Params: use Params.defaults(plugin.params()) for a"
                      + " plugin's defaults)"
                  : "; declared: " + declared));
    }
    Object v = values.get(param.name());
    if (v == null) {
      throw new IllegalStateException("parameter " + param.name() + " has no value");
    }
    return (T) v;
  }

  /** True when {@code param} has a value (false only for an optional parameter left out). */
  public boolean has(Param<?> param) {
    return values.containsKey(param.name());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The values as they are held, by parameter name, in declaration order. */
  public Map<String, Object> values() {
    return values;
  }

  /** The declarations these values were resolved against. */
  public List<Param<?>> declared() {
    return declared;
  }

  /**
   * The values as plain data (numbers, booleans, text, paths, lists and maps), in declaration
   * order: what configuration would write to give the same values.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param<?> p : declared) {
      if (values.containsKey(p.name())) {
        out.put(p.name(), p.toPlain(values.get(p.name())));
      }
    }
    return out;
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
