package io.dendrite.core.param;

import io.dendrite.core.spi.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared, typed, documented parameter of a plugin.
 *
 * <p>Declarations are the single source for validation, {@code dendrite plugins}, JSON Schema and
 * README tables. Plugin code reads values through {@link Params#get(Param)} with the same object,
 * so a value is never looked up by an untyped name.
 *
 * <pre>{@code
 * static final Param<Double> LEARNING_RATE =
 *     Param.number("learning_rate", 0.001, "step size").greaterThan(0);
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class Param<T> {
  // Set once, by the factories and the modifiers below, each on a fresh copy: a Param is
  // immutable once it leaves this class.
  private final String name;
  private final ParamType type;
  private final Class<T> javaType;
  private final String doc;
  private T defaultValue;
  private boolean required;
  private Double min;
  private boolean minInclusive = true;
  private Double max;
  private boolean maxInclusive = true;
  private List<String> choices = List.of();
  private PluginKind componentKind;

  private Param(String name, ParamType type, Class<T> javaType, T defaultValue, String doc) {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "parameter name '" + name + "' must be lower_snake_case, starting with a letter");
    }
    this.name = name;
    this.type = type;
    this.javaType = javaType;
    this.defaultValue = defaultValue;
    this.doc = Objects.requireNonNull(doc, "doc");
  }

  private Param<T> copy() {
    Param<T> p = new Param<>(name, type, javaType, defaultValue, doc);
    p.required = required;
    p.min = min;
    p.minInclusive = minInclusive;
    p.max = max;
    p.maxInclusive = maxInclusive;
    p.choices = choices;
    p.componentKind = componentKind;
    return p;
  }

  /** A whole-number parameter with a default. */
  public static Param<Integer> integer(String name, int defaultValue, String doc) {
    return new Param<>(name, ParamType.INTEGER, Integer.class, defaultValue, doc);
  }

  /** A real-number parameter with a default. */
  public static Param<Double> number(String name, double defaultValue, String doc) {
    return new Param<>(name, ParamType.NUMBER, Double.class, defaultValue, doc);
  }

  public static Param<Boolean> bool(String name, boolean defaultValue, String doc) {
    return new Param<>(name, ParamType.BOOLEAN, Boolean.class, defaultValue, doc);
  }

  public static Param<String> string(String name, String defaultValue, String doc) {
    return new Param<>(name, ParamType.STRING, String.class, defaultValue, doc);
  }

  /** One of {@code choices}; the default must be one of them. */
  public static Param<String> choice(
      String name, String defaultValue, String doc, String... choices) {
    if (!List.of(choices).contains(defaultValue)) {
      throw new IllegalArgumentException(
          "default '" + defaultValue + "' of " + name + " is not one of " + List.of(choices));
    }
    Param<String> p = new Param<>(name, ParamType.CHOICE, String.class, defaultValue, doc);
    p.choices = List.of(choices);
    return p;
  }

  /** A required path to a file or folder. */
  public static Param<Path> path(String name, String doc) {
    Param<Path> p = new Param<>(name, ParamType.PATH, Path.class, null, doc);
    p.required = true;
    return p;
  }

  /** A reference to a plugin of {@code kind}; {@code defaultId} is used with default parameters. */
  public static Param<ComponentSpec> component(
      String name, PluginKind kind, String defaultId, String doc) {
    Param<ComponentSpec> p = new Param<>(name, ParamType.COMPONENT, ComponentSpec.class, null, doc);
    p.required = defaultId == null;
    // A component's default is an id, not a value: its own defaults are known only to the
    // registry (see Params#resolve).
    p.choices = defaultId == null ? List.of() : List.of(defaultId);
    p.componentKind = kind;
    return p;
  }

  /** This parameter without a default: configuration must give a value. */
  public Param<T> required() {
    Param<T> p = copy();
    p.defaultValue = null;
    p.required = true;
    return p;
  }

  /** This parameter without a default that may be left out: {@link Params#has} then says false. */
  public Param<T> optional() {
    Param<T> p = copy();
    p.defaultValue = null;
    p.required = false;
    if (type == ParamType.COMPONENT) {
      p.choices = List.of();
    }
    return p;
  }

  /** This parameter with the smallest allowed value {@code bound}, inclusive. */
  public Param<T> atLeast(double bound) {
    return withMin(bound, true);
  }

  /** This parameter with values strictly above {@code bound}. */
  public Param<T> greaterThan(double bound) {
    return withMin(bound, false);
  }

  /** This parameter with the largest allowed value {@code bound}, inclusive. */
  public Param<T> atMost(double bound) {
    return withMax(bound, true);
  }

  /** This parameter with values strictly below {@code bound}. */
  public Param<T> lessThan(double bound) {
    return withMax(bound, false);
  }

  private Param<T> withMin(double bound, boolean inclusive) {
    requireNumeric();
    Param<T> p = copy();
    p.min = bound;
    p.minInclusive = inclusive;
    p.checkDefault();
    return p;
  }

  private Param<T> withMax(double bound, boolean inclusive) {
    requireNumeric();
    Param<T> p = copy();
    p.max = bound;
    p.maxInclusive = inclusive;
    p.checkDefault();
    return p;
  }

  private void requireNumeric() {
    if (type != ParamType.INTEGER && type != ParamType.NUMBER) {
      throw new IllegalStateException("parameter " + name + " is not numeric");
    }
  }

  private void checkDefault() {
    if (defaultValue != null) {
      rangeProblem(((Number) defaultValue).doubleValue())
          .ifPresent(
              p -> {
                throw new IllegalArgumentException("default of " + name + ": " + p);
              });
    }
  }

  public String name() {
    return name;
  }

  public ParamType type() {
    return type;
  }

  public Class<T> javaType() {
    return javaType;
  }

  /** The default value, or empty for a required parameter (and for components, see below). */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** For a component parameter: the id used when configuration gives none. */
  public Optional<String> defaultComponentId() {
    return type == ParamType.COMPONENT && !choices.isEmpty()
        ? Optional.of(choices.get(0))
        : Optional.empty();
  }

  public boolean isRequired() {
    return required;
  }

  public String doc() {
    return doc;
  }

  public Optional<Double> min() {
    return Optional.ofNullable(min);
  }

  public boolean minInclusive() {
    return minInclusive;
  }

  public Optional<Double> max() {
    return Optional.ofNullable(max);
  }

  public boolean maxInclusive() {
    return maxInclusive;
  }

  /** The allowed values of a {@link ParamType#CHOICE} parameter; empty otherwise. */
  public List<String> choices() {
    return type == ParamType.CHOICE ? choices : List.of();
  }

  /** The plugin kind a {@link ParamType#COMPONENT} parameter refers to; null otherwise. */
  public PluginKind componentKind() {
    return componentKind;
  }

  /**
   * Converts a plain Java value (Integer, Long, Double, Boolean, String, Path or ComponentSpec) to
   * this parameter's type, checking type, range and allowed values.
   *
   * @throws IllegalArgumentException with a message for people, e.g. {@code expected an integer,
   *     found "2" (text)}
   */
  public T convert(Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("expected " + expectation() + ", found nothing (null)");
    }
    Object value =
        switch (type) {
          case INTEGER -> toInteger(raw);
          case NUMBER -> toNumber(raw);
          case BOOLEAN -> {
            if (!(raw instanceof Boolean)) {
              throw mismatch(raw);
            }
            yield raw;
          }
          case STRING -> {
            if (!(raw instanceof String)) {
              throw mismatch(raw);
            }
            yield raw;
          }
          case CHOICE -> {
            if (!(raw instanceof String s)) {
              throw mismatch(raw);
            }
            if (!choices.contains(s)) {
              throw new IllegalArgumentException(
                  "'" + s + "' is not one of " + String.join(", ", choices));
            }
            yield s;
          }
          case PATH -> {
            if (raw instanceof Path) {
              yield raw;
            }
            if (!(raw instanceof String s) || s.isBlank()) {
              throw mismatch(raw);
            }
            yield Path.of(s);
          }
          case COMPONENT -> {
            if (!(raw instanceof ComponentSpec spec) || spec.kind() != componentKind) {
              throw mismatch(raw);
            }
            yield spec;
          }
        };
    return javaType.cast(value);
  }

  private Integer toInteger(Object raw) {
    long v;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      v = ((Number) raw).longValue();
    } else if (raw instanceof java.math.BigInteger) {
      throw new IllegalArgumentException(
          "expected " + expectation() + ", found " + raw + " (too large)");
    } else {
      throw mismatch(raw);
    }
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(
          "expected " + expectation() + ", found " + raw + " (too large)");
    }
    rangeProblem(v)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return (int) v;
  }

  private Double toNumber(Object raw) {
    if (!(raw instanceof Number n) || raw instanceof java.math.BigDecimal) {
      throw mismatch(raw);
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "expected a finite number, found " + (Double.isNaN(v) ? ".nan" : raw));
    }
    rangeProblem(v)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return v;
  }

  private Optional<String> rangeProblem(double v) {
    boolean belowMin = min != null && (minInclusive ? v < min : v <= min);
    boolean aboveMax = max != null && (maxInclusive ? v > max : v >= max);
    if (belowMin || aboveMax) {
      return Optional.of("must be " + rangeText() + ", found " + format(v));
    }
    return Optional.empty();
  }

  /** The allowed range in words, e.g. {@code > 0 and <= 1}; empty when unbounded. */
  public String rangeText() {
    StringBuilder s = new StringBuilder();
    if (min != null) {
      s.append(minInclusive ? ">= " : "> ").append(format(min));
    }
    if (max != null) {
      if (s.length() > 0) {
        s.append(" and ");
      }
      s.append(maxInclusive ? "<= " : "< ").append(format(max));
    }
    return s.toString();
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private IllegalArgumentException mismatch(Object raw) {
    String found =
        raw instanceof String s
            ? "\"" + s + "\" (text)"
            : raw instanceof ComponentSpec c
                ? "a " + c.kind().id() + " '" + c.id() + "'"
                : raw + " (" + describe(raw) + ")";
    return new IllegalArgumentException("expected " + expectation() + ", found " + found);
  }

  private static String describe(Object raw) {
    if (raw instanceof Boolean) {
      return "a boolean";
    }
    if (raw instanceof Integer || raw instanceof Long) {
      return "an integer";
    }
    if (raw instanceof Number) {
      return "a number";
    }
    return raw.getClass().getSimpleName();
  }

  /** What a valid value looks like, in words: {@code an integer >= 1}. */
  public String expectation() {
    String range = rangeText();
    return switch (type) {
      case INTEGER -> "an integer" + (range.isEmpty() ? "" : " " + range);
      case NUMBER -> "a number" + (range.isEmpty() ? "" : " " + range);
      case BOOLEAN -> "true or false";
      case STRING -> "text";
      case CHOICE -> "one of " + String.join(", ", choices);
      case PATH -> "a path";
      case COMPONENT -> "a " + componentKind.id() + " id or {type: id, ...}";
    };
  }

  @Override
  public String toString() {
    return name + ": " + type.label();
  }
}
