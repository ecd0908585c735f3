package io.dendrite.runner.cli;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.BooleanType;
import io.dendrite.core.param.BoundedType;
import io.dendrite.core.param.ChoiceType;
import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.ListType;
import io.dendrite.core.param.LongType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.PathType;
import io.dendrite.core.param.Range;
import io.dendrite.core.param.SectionType;
import io.dendrite.core.param.TextType;
import io.dendrite.core.param.ValueType;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentType;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.docs.ParamText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML snippet that shows where a plugin goes in an experiment file and every parameter it takes,
 * each with its default (or an example value when it has none) and, in a comment, its type, range
 * and doc.
 *
 * <p>Where it goes is found in the declarations, not written down per kind: the shortest path from
 * the top of {@link Experiment#FORMAT} to a value of the plugin's kind, through sections, lists and
 * other plugins' parameters (an activation goes in a layer's {@code activation}).
 */
final class ExampleYaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
  private static final Pattern KEYWORD = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~");
  private static final int MAX_DEPTH = 8;

  /** The snippet and the field path it sits at, such as {@code model.layers[].activation}. */
  record Example(String where, String yaml) {}

  /** A value with a comment after it on its line. */
  private record Commented(Object value, String comment) {}

  private sealed interface Step permits Key, Item, Via {}

  private record Key(String name) implements Step {}

  private record Item() implements Step {}

  /** The value here is a mapping of {@code plugin}: its type and required parameters. */
  private record Via(RegisteredPlugin plugin) implements Step {}

  private record Node(List<Step> steps, String where, ValueType<?> type, int depth) {}

  private final PluginRegistry registry;

  ExampleYaml(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Where {@code plugin} goes, and a snippet putting it there. */
  Example of(RegisteredPlugin plugin) {
    Node at = locate(plugin.kind());
    Object value = target(plugin);
    if (at == null) {
      return new Example(plugin.kind().id(), render(Map.of(plugin.kind().id(), value)));
    }
    List<Step> steps = at.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      value = wrap(steps.get(i), value);
    }
    return new Example(at.where(), render(value));
  }

  /** The shortest path from the top of the format to a value of {@code kind}, or null. */
  private Node locate(PluginKind kind) {
    Deque<Node> queue = new ArrayDeque<>();
    for (Param<?> p : Experiment.FORMAT) {
      queue.add(new Node(List.of(new Key(p.name())), p.name(), p.type(), 0));
    }
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      if (node.type() instanceof ComponentType c && c.kind() == kind) {
        return node;
      }
      if (node.depth() >= MAX_DEPTH) {
        continue;
      }
      if (node.type() instanceof SectionType section) {
        for (Param<?> p : section.params()) {
          queue.add(child(node, List.of(new Key(p.name())), "." + p.name(), p.type()));
        }
      } else if (node.type() instanceof ListType<?> list) {
        queue.add(child(node, List.of(new Item()), "[]", list.element()));
      } else if (node.type() instanceof ComponentType c) {
        for (RegisteredPlugin p : registry.plugins(c.kind())) {
          List<Param<?>> keys = new ArrayList<>(c.settings());
          keys.addAll(p.plugin().params());
          for (Param<?> q : keys) {
            queue.add(
                child(node, List.of(new Via(p), new Key(q.name())), "." + q.name(), q.type()));
          }
        }
      }
    }
    return null;
  }

  private static Node child(Node parent, List<Step> more, String where, ValueType<?> type) {
    List<Step> steps = new ArrayList<>(parent.steps());
    steps.addAll(more);
    return new Node(steps, parent.where() + where, type, parent.depth() + 1);
  }

  private Object wrap(Step step, Object inner) {
    if (step instanceof Key key) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(key.name(), inner);
      return m;
    }
    if (step instanceof Item) {
      return List.of(inner);
    }
    RegisteredPlugin plugin = ((Via) step).plugin();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(ComponentType.TYPE_KEY, plugin.id());
    for (Param<?> p : plugin.plugin().params()) {
      if (p.isRequired()) {
        m.put(p.name(), new Commented(example(p.type()), comment(p)));
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> key = (Map<String, Object>) inner;
    m.putAll(key);
    return m;
  }

  /** The plugin's mapping: its type, then every parameter with its default or an example. */
  private Object target(RegisteredPlugin plugin) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(ComponentType.TYPE_KEY, plugin.id());
    for (Param<?> p : plugin.plugin().params()) {
      Object d = ParamText.defaultValue(p);
      m.put(p.name(), new Commented(d != null ? d : example(p.type()), comment(p)));
    }
    return m;
  }

  /** {@code required integer >= 1: number of outputs}; a choice's values are in the table. */
  private static String comment(Param<?> p) {
    String limits = p.choices().isEmpty() ? ParamText.limits(p).replace("`", "") : "";
    return (p.isRequired() ? "required " : p.defaultValue().isEmpty() ? "optional " : "")
        + ParamText.type(p)
        + (limits.isEmpty() ? "" : " " + limits)
        + ": "
        + p.doc();
  }

  /** A value {@code type} accepts, for a parameter that has no default. */
  private Object example(ValueType<?> type) {
    if (type instanceof IntegerType || type instanceof LongType) {
      Range r = ((BoundedType<?>) type).range();
      long lo =
          r.min() == null
              ? Long.MIN_VALUE
              : r.minInclusive() ? (long) Math.ceil(r.min()) : (long) Math.floor(r.min()) + 1;
      long hi =
          r.max() == null
              ? Long.MAX_VALUE
              : r.maxInclusive() ? (long) Math.floor(r.max()) : (long) Math.ceil(r.max()) - 1;
      return Math.min(Math.max(1, lo), hi);
    }
    if (type instanceof BoundedType<?> b) {
      Range r = b.range();
      if (r.problem(1).isEmpty()) {
        return 1.0;
      }
      if (r.min() != null && r.max() != null) {
        return (r.min() + r.max()) / 2;
      }
      return r.min() != null ? r.min() + 1 : r.max() - 1;
    }
    if (type instanceof BooleanType) {
      return false;
    }
    if (type instanceof ChoiceType c) {
      return c.choices().get(0);
    }
    if (type instanceof PathType) {
      return "path/to/file";
    }
    if (type instanceof TextType) {
      return "text";
    }
    if (type instanceof ListType<?> l) {
      return l.minSize() > 0 ? List.of(example(l.element())) : List.of();
    }
    if (type instanceof SectionType s) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Param<?> p : s.params()) {
        if (p.isRequired()) {
          m.put(p.name(), example(p.type()));
        }
      }
      return m;
    }
    if (type instanceof ComponentType c) {
      List<String> names = registry.names(c.kind());
      return names.isEmpty() ? "id" : registry.plugins(c.kind()).get(0).id();
    }
    return "value";
  }

  /** Block-style YAML of maps, lists, scalars and commented scalars. */
  static String render(Object value) {
    StringBuilder out = new StringBuilder();
    block(value, 0, out);
    return out.toString();
  }

  private static void block(Object value, int indent, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entry(String.valueOf(e.getKey()), e.getValue(), indent, indent, out);
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        out.append(" ".repeat(indent)).append("- ");
        if (item instanceof Map<?, ?> map && !map.isEmpty()) {
          boolean first = true;
          for (Map.Entry<?, ?> e : map.entrySet()) {
            entry(
                String.valueOf(e.getKey()), e.getValue(), indent + 2, first ? 0 : indent + 2, out);
            first = false;
          }
        } else {
          out.append(scalar(item)).append('\n');
        }
      }
    }
  }

  /**
   * One {@code key: value} of a mapping at {@code indent}; {@code pad} is the indentation written
   * before the key: {@code indent}, or 0 for the first key of a list item, after its dash.
   */
  private static void entry(String key, Object value, int indent, int pad, StringBuilder out) {
    out.append(" ".repeat(pad)).append(key).append(':');
    String comment = null;
    if (value instanceof Commented c) {
      comment = c.comment();
      value = c.value();
    }
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      block(m, indent + 2, out);
    } else if (value instanceof List<?> l && !l.isEmpty() && !isFlat(l)) {
      out.append('\n');
      block(l, indent + 2, out);
    } else {
      out.append(' ').append(scalar(value));
      if (comment != null) {
        out.append("  # ").append(comment);
      }
      out.append('\n');
    }
  }

  private static boolean isFlat(List<?> list) {
    return list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
  }

  /** A scalar (or a flat list) as YAML 1.1 reads it back as the same value. */
  static String scalar(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(v -> items.add(scalar(v)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) (double) d);
      }
      // YAML 1.1 reads 1e-8 as text: a float needs a dot, and an exponent its sign.
      return Double.toString(d).replaceAll("E(\\d)", "E+$1");
    }
    if (value instanceof String s) {
      return PLAIN.matcher(s).matches() && !KEYWORD.matcher(s).matches()
          ? s
          : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }
}
