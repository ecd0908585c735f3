package io.dendrite.runner.yaml;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Copies a composed SnakeYAML node graph into a {@link ConfigNode} tree. It refuses what an
 * experiment file may not contain.
 *
 * <p>Composing checks neither duplicate keys nor local tags ({@code !foo}), and aliases make the
 * graph a DAG (or, through recursive anchors, a cycle): this walk checks all three, and bounds the
 * number of values and the depth so that an alias bomb small enough to pass the parser's alias
 * limit still cannot blow up memory or the stack.
 */
final class NodeTreeBuilder {
  static final int MAX_VALUES = 100_000;
  static final int MAX_DEPTH = 100;

  /** The longest value, in characters: paths, names and ids are far shorter. */
  static final int MAX_SCALAR = 10_000;

  /** How much of a long value a message shows. */
  private static final int SHOWN = 60;

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final String source;
  private final Function<Mark, Position> positions;
  private final Function<Mark, String> explicitTags;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<Node, Boolean> enclosing = new IdentityHashMap<>();
  private int values;

  /**
   * @param explicitTags the tag written on the node starting at a mark, null when none was: every
   *     explicit tag is refused, even one that names the type the value has anyway
   */
  NodeTreeBuilder(
      String source, Function<Mark, Position> positions, Function<Mark, String> explicitTags) {
    this.source = source;
    this.positions = positions;
    this.explicitTags = explicitTags;
  }

  /** Problems found so far; the tree is only usable when there are none. */
  List<ConfigProblem> problems() {
    return problems;
  }

  ConfigNode build(Node node, String path) {
    return build(node, path, 0);
  }

  private ConfigNode build(Node node, String path, int depth) {
    Position at = positions.apply(node.getStartMark());
    if (++values > MAX_VALUES) {
      throw ConfigException.of(
          Position.file(source),
          "",
          "expands to more than "
              + MAX_VALUES
              + " values (through aliases?); refused, an experiment file is far smaller");
    }
    if (depth > MAX_DEPTH) {
      throw ConfigException.of(
          at, path, "nested more than " + MAX_DEPTH + " levels deep (through aliases?); refused");
    }
    if (enclosing.containsKey(node)) {
      problems.add(
          new ConfigProblem(
              at,
              path,
              "an alias refers to a value that contains it; recursive values are not allowed"));
      return new ConfigScalar(at, path, null, "");
    }
    enclosing.put(node, Boolean.TRUE);
    String written = explicitTags.apply(node.getStartMark());
    if (written != null) {
      problems.add(new ConfigProblem(at, path, tagMessage(node.getTag(), written)));
    }
    try {
      if (node instanceof MappingNode map) {
        return mapping(map, at, path, depth);
      }
      if (node instanceof SequenceNode seq) {
        List<ConfigNode> items = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          items.add(build(item, ConfigPath.item(path, items.size()), depth + 1));
        }
        return new ConfigList(at, path, items);
      }
      return scalar((ScalarNode) node, at, path);
    } finally {
      enclosing.remove(node);
    }
  }

  private ConfigMap mapping(MappingNode map, Position at, String path, int depth) {
    List<ConfigMap.Entry> entries = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Position keyAt = positions.apply(keyNode.getStartMark());
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(
            new ConfigProblem(keyAt, path, "keys must be plain words, not " + kindOf(keyNode)));
        continue;
      }
      String key = keyScalar.getValue();
      String keyPath = ConfigPath.key(path, key);
      if (keyNode.getTag().equals(Tag.MERGE)) {
        problems.add(
            new ConfigProblem(
                keyAt, path, "merge keys ('<<') are not supported; write the values out"));
        continue;
      }
      if (explicitTags.apply(keyNode.getStartMark()) != null
          || !SCALAR_TAGS.contains(keyNode.getTag())) {
        problems.add(new ConfigProblem(keyAt, keyPath, tagMessage(keyNode.getTag())));
        continue;
      }
      Position first = seen.putIfAbsent(key, keyAt);
      if (first != null) {
        problems.add(
            new ConfigProblem(
                keyAt,
                keyPath,
                "duplicate key '"
                    + key
                    + "' (first at "
                    + (first.hasLine()
                        ? "line " + first.line() + ", column " + first.column()
                        : first)
                    + "); each key may appear once"));
        continue;
      }
      entries.add(new ConfigMap.Entry(key, keyAt, build(tuple.getValueNode(), keyPath, depth + 1)));
    }
    return new ConfigMap(at, path, entries);
  }

  private ConfigScalar scalar(ScalarNode node, Position at, String path) {
    Tag tag = node.getTag();
    if (node.getValue().length() > MAX_SCALAR) {
      problems.add(
          new ConfigProblem(
              at,
              path,
              String.format(
                  java.util.Locale.ROOT,
                  "a value of %,d characters; refused, values in an experiment file are at most"
                      + " %,d characters",
                  node.getValue().length(),
                  MAX_SCALAR)));
      return new ConfigScalar(at, path, null, abbreviated(node.getValue()));
    }
    if (explicitTags.apply(node.getStartMark()) != null) {
      return new ConfigScalar(at, path, null, node.getValue());
    }
    if (!SCALAR_TAGS.contains(tag)) {
      problems.add(new ConfigProblem(at, path, tagMessage(tag)));
      return new ConfigScalar(at, path, null, node.getValue());
    }
    try {
      return new ConfigScalar(at, path, YamlScalars.value(tag, node.getValue()), node.getValue());
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(at, path, e.getMessage()));
      return new ConfigScalar(at, path, null, node.getValue());
    }
  }

  private static String kindOf(Node node) {
    return node instanceof MappingNode
        ? "a mapping"
        : node instanceof SequenceNode ? "a list" : "a value";
  }

  static String tagMessage(Tag tag) {
    return "tag "
        + displayTag(tag.getValue())
        + " is not allowed: experiment files hold plain values (text, numbers, booleans, lists,"
        + " mappings) and never name types";
  }

  /**
   * The message for a tag written in the file: how to say the same without it, if there is a way.
   */
  static String tagMessage(Tag resolved, String written) {
    String hint =
        resolved.equals(Tag.STR)
            ? "; for text, put the value in quotes"
            : SCALAR_TAGS.contains(resolved) ? "; write the value without it" : "";
    return tagMessage(new Tag(written)) + hint;
  }

  /** {@code text}, or its start and its length when it is too long to show whole. */
  static String abbreviated(String text) {
    return text.length() <= SHOWN + 20
        ? text
        : text.substring(0, SHOWN)
            + "... ("
            + String.format(java.util.Locale.ROOT, "%,d", text.length())
            + " characters)";
  }

  static String displayTag(String tag) {
    return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
  }
}
