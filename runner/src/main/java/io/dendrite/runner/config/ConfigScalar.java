package io.dendrite.runner.config;

import java.math.BigInteger;

/**
 * A single value, already typed by YAML's rules: {@code 2} is an Integer, {@code "2"} a String.
 *
 * @param value an Integer, Long, BigInteger, Double, Boolean, String, or null
 * @param text the value as written
 */
public record ConfigScalar(Position position, String path, Object value, String text)
    implements ConfigNode {
  public ConfigScalar {
    if (value != null
        && !(value instanceof Integer
            || value instanceof Long
            || value instanceof BigInteger
            || value instanceof Double
            || value instanceof Boolean
            || value instanceof String)) {
      throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
    }
  }

  @Override
  public ConfigScalar atPath(String newPath) {
    return new ConfigScalar(position, newPath, value, text);
  }

  /** True for text values, the only kind that can name a plugin. */
  public boolean isText() {
    return value instanceof String;
  }

  @Override
  public String describe() {
    if (value == null) {
      return "nothing (null)";
    }
    if (value instanceof String s) {
      return s.length() <= 80
          ? "\"" + s + "\" (text)"
          : "\""
              + s.substring(0, 60)
              + "...\" (text of "
              + String.format(java.util.Locale.ROOT, "%,d", s.length())
              + " characters)";
    }
    if (value instanceof Boolean) {
      return value + " (a boolean)";
    }
    if (value instanceof Double d) {
      return (d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : text)
          + " (a number)";
    }
    return text + " (an integer)";
  }
}
