package io.dendrite.core.param;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Shared wording and checks of the built-in value types. */
final class Values {
  private Values() {}

  /** {@code expected an integer >= 1, found "ten" (text)}. */
  static IllegalArgumentException mismatch(ValueType<?> type, Object raw) {
    return new IllegalArgumentException(
        "expected " + type.expectation() + ", found " + describe(raw));
  }

  /** A value as people see it: {@code "2" (text)}, {@code 3 (an integer)}, {@code a list}. */
  static String describe(Object raw) {
    if (raw == null) {
      return "nothing (null)";
    }
    if (raw instanceof String s) {
      // A value pasted whole into a field must not come back whole in every message.
      return s.length() <= 80
          ? "\"" + s + "\" (text)"
          : "\""
              + s.substring(0, 60)
              + "...\" (text of "
              + String.format(java.util.Locale.ROOT, "%,d", s.length())
              + " characters)";
    }
    if (raw instanceof Boolean) {
      return raw + " (a boolean)";
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
      return raw + " (an integer)";
    }
    if (raw instanceof Number) {
      return raw + " (a number)";
    }
    if (raw instanceof java.util.List<?>) {
      return "a list";
    }
    if (raw instanceof java.util.Map<?, ?> || raw instanceof Params) {
      return "a mapping";
    }
    return raw.toString();
  }

  /** A whole number as a long, for the integer types. */
  static long wholeNumber(ValueType<?> type, Object raw, long min, long max) {
    if (raw instanceof BigInteger || raw instanceof BigDecimal) {
      throw tooLarge(type, raw);
    }
    if (!(raw instanceof Integer || raw instanceof Long || raw instanceof Short)) {
      throw mismatch(type, raw);
    }
    long v = ((Number) raw).longValue();
    if (v < min || v > max) {
      throw tooLarge(type, raw);
    }
    return v;
  }

  private static IllegalArgumentException tooLarge(ValueType<?> type, Object raw) {
    return new IllegalArgumentException(
        "expected " + type.expectation() + ", found " + raw + " (too large)");
  }

  /** Throws the range's problem with {@code v}, if any. */
  static void checkRange(Range range, double v) {
    range
        .problem(v)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
  }

  static String withRange(String what, Range range) {
    String text = range.text();
    return text.isEmpty() ? what : what + " " + text;
  }
}
