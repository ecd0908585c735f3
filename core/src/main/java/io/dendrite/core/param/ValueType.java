package io.dendrite.core.param;

/**
 * The values a parameter accepts: how plain data (what YAML, JSON or a Java map hold) becomes a
 * typed value, and back.
 *
 * <p>Implementations are immutable. Plain data is Integer, Long, Double, Boolean, String, {@link
 * java.nio.file.Path}, {@code List} and {@code Map}; {@link #convert} also accepts a value it
 * produced itself, so converting twice changes nothing.
 *
 * @param <T> the Java type of converted values
 */
public interface ValueType<T> {
  /**
   * Converts {@code raw}, checking its type, range and allowed values.
   *
   * @throws IllegalArgumentException with a message for people, e.g. {@code expected an integer,
   *     found "2" (text)}
   */
  T convert(Object raw);

  /** {@code value} as plain data, as configuration would write it. */
  Object toPlain(T value);

  /** What a valid value looks like, in words: {@code an integer >= 1}. */
  String expectation();

  /** A short name for tables and JSON: {@code integer}, {@code number}, {@code list}, ... */
  String label();

  /** Several values of this type, in words: {@code integers}, {@code metric ids}. */
  default String plural() {
    return label() + "s";
  }
}
