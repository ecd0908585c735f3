package io.dendrite.core.param;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared, typed, documented parameter: of a plugin, or a key of the experiment format.
 *
 * <p>Declarations are the single source for validation, {@code dendrite plugins}, JSON Schema and
 * README tables. Code reads values through {@link Params#get(Param)} with the same object, so a
 * value is never looked up by an untyped name. A {@code Param} is immutable: every modifier returns
 * a new one.
 *
 * <pre>{@code
 * static final Param<Double> LEARNING_RATE =
 *     Param.number("learning_rate", 0.001, "step size").greaterThan(0);
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class Param<T> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** Whether configuration must give a value. */
  public enum Presence {
    /** No default: configuration must give a value. */
    REQUIRED,
    /** Configuration may leave it out; the default is used. */
    DEFAULTED,
    /** Configuration may leave it out; then it has no value ({@link Params#has} is false). */
    OPTIONAL
  }

  private final String name;
  private final ValueType<T> type;
  private final Presence presence;
  private final T defaultValue;
  private final String doc;

  private Param(String name, ValueType<T> type, Presence presence, T defaultValue, String doc) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "parameter name '" + name + "' must be lower_snake_case, starting with a letter");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.presence = presence;
    this.doc = Objects.requireNonNull(doc, "doc");
    if (presence == Presence.DEFAULTED) {
      Objects.requireNonNull(defaultValue, "default of " + name);
      try {
        this.defaultValue = type.convert(defaultValue);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("default of " + name + ": " + e.getMessage(), e);
      }
    } else {
      this.defaultValue = null;
    }
  }

  /** A parameter of any {@link ValueType}, with a default ({@code null}: required). */
  public static <T> Param<T> of(String name, ValueType<T> type, T defaultValue, String doc) {
    return new Param<>(
        name,
        type,
        defaultValue == null ? Presence.REQUIRED : Presence.DEFAULTED,
        defaultValue,
        doc);
  }

  /** A whole-number parameter with a default. */
  public static Param<Integer> integer(String name, int defaultValue, String doc) {
    return of(name, new IntegerType(Range.ANY), defaultValue, doc);
  }

  /** A 64-bit whole-number parameter with a default (seeds). */
  public static Param<Long> longInteger(String name, long defaultValue, String doc) {
    return of(name, new LongType(Range.ANY), defaultValue, doc);
  }

  /** A real-number parameter with a default. */
  public static Param<Double> number(String name, double defaultValue, String doc) {
    return of(name, new NumberType(Range.ANY), defaultValue, doc);
  }

  public static Param<Boolean> bool(String name, boolean defaultValue, String doc) {
    return of(name, new BooleanType(), defaultValue, doc);
  }

  public static Param<String> string(String name, String defaultValue, String doc) {
    return of(name, TextType.ANY, defaultValue, doc);
  }

  /** One of {@code choices}; the default must be one of them. */
  public static Param<String> choice(
      String name, String defaultValue, String doc, String... choices) {
    return of(name, new ChoiceType(List.of(choices)), defaultValue, doc);
  }

  /** A required path to a file or folder the plugin reads: it must exist before a run starts. */
  public static Param<Path> path(String name, String doc) {
    return of(name, new PathType(true), null, doc);
  }

  /** A list of {@code element} values with a default (possibly empty). */
  public static <E> Param<List<E>> list(
      String name, ValueType<E> element, List<E> defaultValue, String doc) {
    return of(name, new ListType<>(element, 0), defaultValue, doc);
  }

  /**
   * A nested mapping declared by {@code params}. It may be left out when every one of them has a
   * default, and is required otherwise.
   */
  public static Param<Params> section(String name, List<Param<?>> params, String doc) {
    SectionType type = new SectionType(params);
    Params defaults;
    try {
      defaults = Params.defaults(params);
    } catch (ParamException e) {
      defaults = null;
    }
    return of(name, type, defaults, doc);
  }

  /** This parameter without a default: configuration must give a value. */
  public Param<T> required() {
    return new Param<>(name, type, Presence.REQUIRED, null, doc);
  }

  /** This parameter without a default that may be left out: {@link Params#has} then says false. */
  public Param<T> optional() {
    return new Param<>(name, type, Presence.OPTIONAL, null, doc);
  }

  /** This parameter with another default. */
  public Param<T> withDefault(T value) {
    return new Param<>(name, type, Presence.DEFAULTED, value, doc);
  }

  /** This parameter with another type, e.g. a pattern for text or a minimum list size. */
  public Param<T> withType(ValueType<T> newType) {
    return new Param<>(name, newType, presence, defaultValue, doc);
  }

  /** This parameter with the smallest allowed value {@code bound}, inclusive. */
  public Param<T> atLeast(double bound) {
    return bounded(bounded().range().withMin(bound, true));
  }

  /** This parameter with values strictly above {@code bound}. */
  public Param<T> greaterThan(double bound) {
    return bounded(bounded().range().withMin(bound, false));
  }

  /** This parameter with the largest allowed value {@code bound}, inclusive. */
  public Param<T> atMost(double bound) {
    return bounded(bounded().range().withMax(bound, true));
  }

  /** This parameter with values strictly below {@code bound}. */
  public Param<T> lessThan(double bound) {
    return bounded(bounded().range().withMax(bound, false));
  }

  /** A list parameter that needs at least {@code size} items. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Param<T> minSize(int size) {
    if (!(type instanceof ListType<?> list)) {
      throw new IllegalStateException("parameter " + name + " is not a list");
    }
    return withType((ValueType<T>) new ListType(list.element(), size));
  }

  /**
   * A text parameter whose whole value must match the regular expression {@code pattern}, described
   * as {@code what} ({@code a name of letters and digits}), and be at most {@code maxLength}
   * characters long.
   */
  @SuppressWarnings("unchecked")
  public Param<T> matching(String pattern, String what, int maxLength) {
    if (!(type instanceof TextType)) {
      throw new IllegalStateException("parameter " + name + " is not text");
    }
    return withType((ValueType<T>) new TextType(pattern, what, maxLength));
  }

  private BoundedType<?> bounded() {
    if (!(type instanceof BoundedType<?> b)) {
      throw new IllegalStateException("parameter " + name + " is not numeric");
    }
    return b;
  }

  @SuppressWarnings("unchecked")
  private Param<T> bounded(Range range) {
    return withType((ValueType<T>) bounded().withRange(range));
  }

  public String name() {
    return name;
  }

  /** What values are accepted. */
  public ValueType<T> type() {
    return type;
  }

  public Presence presence() {
    return presence;
  }

  /** The default value; empty for a required or optional parameter. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public boolean isRequired() {
    return presence == Presence.REQUIRED;
  }

  public String doc() {
    return doc;
  }

  /** The allowed range in words, e.g. {@code > 0 and <= 1}; empty when unbounded or not numeric. */
  public String rangeText() {
    return type instanceof BoundedType<?> b ? b.range().text() : "";
  }

  /** The allowed values of a choice; empty for other types. */
  public List<String> choices() {
    return type instanceof ChoiceType c ? c.choices() : List.of();
  }

  /** What a valid value looks like, in words: {@code an integer >= 1}. */
  public String expectation() {
    return type.expectation();
  }

  /**
   * Converts a plain Java value to this parameter's type, checking type, range and allowed values.
   *
   * @throws IllegalArgumentException with a message for people, e.g. {@code expected an integer,
   *     found "2" (text)}
   */
  public T convert(Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("expected " + expectation() + ", found nothing (null)");
    }
    return type.convert(raw);
  }

  /** {@code value} (of this parameter) as plain data. */
  @SuppressWarnings("unchecked")
  public Object toPlain(Object value) {
    return type.toPlain((T) value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Param<?> p
        && name.equals(p.name)
        && type.equals(p.type)
        && presence == p.presence
        && Objects.equals(defaultValue, p.defaultValue)
        && doc.equals(p.doc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, presence, defaultValue, doc);
  }

  @Override
  public String toString() {
    return name + ": " + type.label();
  }
}
