package io.dendrite.runner.docs;

import io.dendrite.core.param.ListType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.SectionType;
import io.dendrite.core.param.TextType;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.ComponentType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parameter declaration in words and plain values, the same way everywhere it is shown: {@code
 * dendrite plugins}, its JSON, the README tables and the JSON Schema.
 */
public final class ParamText {
  private ParamText() {}

  /** The type for people: {@code integer}, {@code activation}, {@code list of metric}. */
  public static String type(Param<?> p) {
    return p.type().label();
  }

  /**
   * The default as plain data: a component's is its id, a list's the list of those; null for a
   * required or optional parameter, and for a section (whose keys have their own defaults).
   */
  public static Object defaultValue(Param<?> p) {
    if (p.defaultValue().isEmpty() || p.type() instanceof SectionType) {
      return null;
    }
    return plainDefault(p.defaultValue().get());
  }

  private static Object plainDefault(Object value) {
    if (value instanceof ComponentSpec spec) {
      return spec.id();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ParamText::plainDefault).toList();
    }
    if (value instanceof java.nio.file.Path path) {
      return path.toString();
    }
    return value;
  }

  /** The default as a table shows it: {@code `0.001`}, {@code required}, {@code none}. */
  public static String defaultCell(Param<?> p) {
    if (p.type() instanceof SectionType) {
      return p.isRequired() ? "required" : "(section)";
    }
    Object d = defaultValue(p);
    if (d == null) {
      return p.isRequired() ? "required" : "none";
    }
    if (d instanceof List<?> list) {
      return "`[" + list.stream().map(ParamText::shown).collect(Collectors.joining(", ")) + "]`";
    }
    return "`" + shown(d) + "`";
  }

  /** A value as YAML would have it typed: {@code 0.001}, {@code 1e-8}, {@code 0}. */
  static String shown(Object value) {
    if (!(value instanceof Double d)) {
      return String.valueOf(value);
    }
    double v = d;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + s.substring(e + 1);
  }

  /** Range, allowed values or size limits, in words; empty when there are none. */
  public static String limits(Param<?> p) {
    if (!p.rangeText().isEmpty()) {
      return p.rangeText();
    }
    if (!p.choices().isEmpty()) {
      return String.join(", ", p.choices());
    }
    if (p.type() instanceof ListType<?> list && list.minSize() > 0) {
      return "at least " + list.minSize();
    }
    if (p.type() instanceof TextType text && text.pattern() != null) {
      return "`" + text.pattern() + "`, at most " + text.maxLength() + " characters";
    }
    return "";
  }

  /** The kind a component parameter (or a list of them) names, or null. */
  public static String componentKind(Param<?> p) {
    if (p.type() instanceof ComponentType c) {
      return c.kind().id();
    }
    if (p.type() instanceof ListType<?> l && l.element() instanceof ComponentType c) {
      return c.kind().id();
    }
    return null;
  }

  /** {@code name=default}, {@code name (required)} or {@code name (optional)}, for short lists. */
  public static String brief(Param<?> p) {
    Object d = defaultValue(p);
    if (d != null) {
      return p.name() + "=" + shown(d);
    }
    return p.isRequired() ? p.name() + " (required)" : p.name() + " (optional)";
  }

  /** A Markdown table of {@code params}: parameter, type, default, range, doc. */
  public static String markdownTable(List<Param<?>> params, String firstColumn) {
    StringBuilder s = new StringBuilder();
    s.append("| ").append(firstColumn).append(" | type | default | range | doc |\n");
    s.append("|---|---|---|---|---|\n");
    for (Param<?> p : params) {
      s.append("| `")
          .append(p.name())
          .append("` | ")
          .append(type(p))
          .append(" | ")
          .append(defaultCell(p))
          .append(" | ")
          .append(cell(limits(p)))
          .append(" | ")
          .append(cell(p.doc()))
          .append(" |\n");
    }
    return s.toString();
  }

  /** Text for a table cell, its pipes escaped. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
