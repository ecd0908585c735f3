package io.dendrite.runner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code key.path=value} command-line argument, applied to an experiment tree. Overrides are
 * applied before validation.
 *
 * <p>List items are addressed as {@code model.layers[0].units} or {@code model.layers.0.units}. A
 * missing key is created, so that validation, not this class, judges whether it belongs. An index
 * may replace an item or append one right after the last. Where a component is written as its id
 * ({@code optimizer: adam}), setting one of its parameters ({@code optimizer.learning_rate=0.01})
 * turns it into {@code {type: adam, learning_rate: 0.01}}: the two forms mean the same in the
 * experiment format.
 *
 * @param argument the argument as given
 * @param target the path part, before {@code =}
 * @param value the value part, already read as YAML
 */
public record ConfigOverride(
    String argument, String target, List<ConfigOverride.Segment> segments, ConfigNode value) {
  private static final Pattern PART = Pattern.compile("([A-Za-z0-9_-]*)((?:\\[[0-9]+])*)");
  private static final Pattern BRACKET = Pattern.compile("\\[([0-9]+)]");
  private static final int MAX_INDEX = 100_000;

  /** One step of the path. */
  public sealed interface Segment permits Key, Index {}

  /** A mapping key; all-digit keys ({@code layers.0}) address list items when they meet a list. */
  public record Key(String name) implements Segment {
    boolean isNumber() {
      return name.chars().allMatch(c -> c >= '0' && c <= '9');
    }
  }

  /** A list index written in brackets, {@code [2]}. */
  public record Index(int index) implements Segment {}

  public ConfigOverride {
    segments = List.copyOf(segments);
  }

  /**
   * Parses {@code argument}; {@code valueReader} reads the text after {@code =} as YAML.
   *
   * @throws ConfigException for a malformed argument (a usage error)
   */
  public static ConfigOverride parse(String argument, Function<String, ConfigNode> valueReader) {
    Position at = Position.override(argument);
    int eq = argument.indexOf('=');
    if (eq <= 0) {
      throw ConfigException.of(
          at,
          "",
          "expected key.path=value, for example training.epochs=5 or model.layers[0].units=64");
    }
    String target = argument.substring(0, eq).trim();
    List<Segment> segments = new ArrayList<>();
    for (String part : target.split("\\.", -1)) {
      Matcher m = PART.matcher(part);
      if (part.isEmpty() || !m.matches() || (m.group(1).isEmpty() && segments.isEmpty())) {
        throw ConfigException.of(
            at,
            "",
            "malformed path '"
                + target
                + "': use keys separated by dots and [i] for list items, for example"
                + " model.layers[0].units");
      }
      if (!m.group(1).isEmpty()) {
        segments.add(new Key(m.group(1)));
      }
      Matcher b = BRACKET.matcher(m.group(2));
      while (b.find()) {
        segments.add(new Index(parseIndex(b.group(1), at, target)));
      }
    }
    return new ConfigOverride(
        argument, target, segments, valueReader.apply(argument.substring(eq + 1)));
  }

  private static int parseIndex(String digits, Position at, String target) {
    if (digits.length() > 6 || Integer.parseInt(digits) > MAX_INDEX) {
      throw ConfigException.of(at, "", "index " + digits + " in '" + target + "' is too large");
    }
    return Integer.parseInt(digits);
  }

  /**
   * {@code root} with this override applied.
   *
   * @throws ConfigException when the path runs through a value that cannot hold it
   */
  public ConfigMap applyTo(ConfigMap root) {
    return (ConfigMap) apply(root, 0, "");
  }

  private ConfigNode apply(ConfigNode node, int i, String path) {
    if (i == segments.size()) {
      return value.atPath(path);
    }
    Segment segment = segments.get(i);
    Position at = Position.override(argument);
    if (node == null || node instanceof ConfigScalar s && s.value() == null) {
      node = emptyFor(segment, at, path);
    } else if (node instanceof ConfigScalar s && s.isText() && segment instanceof Key) {
      node =
          new ConfigMap(s.position(), path, List.of())
              .with("type", s.position(), s.atPath(ConfigPath.key(path, "type")));
    }
    if (node instanceof ConfigMap map && segment instanceof Key key) {
      String childPath = ConfigPath.key(path, key.name());
      ConfigNode child = map.get(key.name()).orElse(null);
      Position keyPosition = map.entry(key.name()).map(ConfigMap.Entry::keyPosition).orElse(at);
      return map.with(key.name(), keyPosition, apply(child, i + 1, childPath));
    }
    if (node instanceof ConfigList list && indexOf(segment) >= 0) {
      int index = indexOf(segment);
      if (index > list.items().size()) {
        throw ConfigException.of(
            at,
            path,
            "has "
                + list.items().size()
                + " items; an override can replace items 0 to "
                + (list.items().size() - 1)
                + " or append item "
                + list.items().size()
                + ", not set item "
                + index);
      }
      ConfigNode child = index < list.items().size() ? list.items().get(index) : null;
      return list.with(index, apply(child, i + 1, ConfigPath.item(path, index)));
    }
    throw ConfigException.of(
        at,
        path,
        "is "
            + node.describe()
            + ", so '"
            + target
            + "' cannot be set in it"
            + (node instanceof ConfigList ? " (address list items as [0], [1], ...)" : ""));
  }

  private static int indexOf(Segment segment) {
    if (segment instanceof Index index) {
      return index.index();
    }
    Key key = (Key) segment;
    return key.isNumber() && key.name().length() <= 6 ? Integer.parseInt(key.name()) : -1;
  }

  private static ConfigNode emptyFor(Segment segment, Position at, String path) {
    return indexOf(segment) >= 0
        ? new ConfigList(at, path, List.of())
        : new ConfigMap(at, path, List.of());
  }
}
