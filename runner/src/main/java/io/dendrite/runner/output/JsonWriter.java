package io.dendrite.runner.output;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, lists, text, numbers, booleans and null as JSON.
 *
 * <p>Objects and arrays that hold only plain values are written on one line, others one entry per
 * line, which keeps files short and still easy to read and diff. Doubles keep their full precision;
 * NaN and infinities, which JSON cannot express, are written as null.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** {@code value} as JSON text, without a trailing newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int indent) {
    if (value instanceof Map<?, ?> map) {
      object(map, out, indent);
    } else if (value instanceof Collection<?> list) {
      array(list, out, indent);
    } else {
      scalar(value, out);
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    boolean flat = map.values().stream().allMatch(JsonWriter::isPlain);
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      if (!flat) {
        newline(out, indent + 1);
      }
      string(String.valueOf(e.getKey()), out);
      out.append(": ");
      write(e.getValue(), out, indent + 1);
      if (it.hasNext()) {
        out.append(flat ? ", " : ",");
      }
    }
    if (!flat) {
      newline(out, indent);
    }
    out.append('}');
  }

  private static void array(Collection<?> list, StringBuilder out, int indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    boolean flat = list.stream().allMatch(JsonWriter::isPlain);
    out.append('[');
    Iterator<?> it = list.iterator();
    while (it.hasNext()) {
      if (!flat) {
        newline(out, indent + 1);
      }
      write(it.next(), out, indent + 1);
      if (it.hasNext()) {
        out.append(flat ? ", " : ",");
      }
    }
    if (!flat) {
      newline(out, indent);
    }
    out.append(']');
  }

  private static boolean isPlain(Object value) {
    return !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>);
  }

  private static void newline(StringBuilder out, int indent) {
    out.append('\n').append("  ".repeat(indent));
  }

  private static void scalar(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof Path p) {
      string(p.toString(), out);
    } else {
      string(value.toString(), out);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20
              || c == '\u2028'
              || c == '\u2029'
              || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A lone surrogate cannot be encoded as UTF-8, so it is escaped instead. */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
