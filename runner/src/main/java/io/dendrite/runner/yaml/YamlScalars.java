package io.dendrite.runner.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a scalar's text into a plain Java value according to its YAML 1.1 tag.
 *
 * <p>This replaces SnakeYAML's constructors, which build objects; here only Integer, Long,
 * BigInteger, Double, Boolean, String and null can come out.
 */
final class YamlScalars {
  private YamlScalars() {}

  /**
   * The value of {@code text} tagged {@code tag}, which must be str, int, float, bool or null.
   *
   * @throws IllegalArgumentException when an explicit tag does not fit the text ({@code !!int x})
   */
  static Object value(Tag tag, String text) {
    if (tag.equals(Tag.STR)) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return bool(text);
    }
    if (tag.equals(Tag.INT)) {
      return integer(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      return number(text);
    }
    throw new IllegalArgumentException("unsupported tag " + tag);
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> Boolean.TRUE;
      case "false", "no", "off", "n" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
    };
  }

  private static Object integer(String text) {
    String s = text.replace("_", "");
    int sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.charAt(0) == '-' ? -1 : 1;
      s = s.substring(1);
    }
    BigInteger v;
    try {
      if (s.contains(":")) {
        v = BigInteger.ZERO;
        for (String digit : s.split(":")) {
          v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else if (s.startsWith("0b")) {
        v = new BigInteger(s.substring(2), 2);
      } else if (s.startsWith("0x")) {
        v = new BigInteger(s.substring(2), 16);
      } else if (s.length() > 1 && s.startsWith("0")) {
        v = new BigInteger(s.substring(1), 8);
      } else {
        v = new BigInteger(s);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an integer", e);
    }
    v = sign < 0 ? v.negate() : v;
    if (v.bitLength() < 32) {
      return v.intValue();
    }
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    return v;
  }

  private static Double number(String text) {
    String s = text.replace("_", "");
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    if (lower.equals(".inf") || lower.equals("+.inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("-.inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    try {
      if (s.contains(":")) {
        int sign = s.startsWith("-") ? -1 : 1;
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        double v = 0;
        for (String part : digits.split(":")) {
          v = v * 60 + Double.parseDouble(part);
        }
        return sign * v;
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number", e);
    }
  }
}
