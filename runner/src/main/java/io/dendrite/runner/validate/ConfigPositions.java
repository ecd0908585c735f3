package io.dendrite.runner.validate;

import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.Position;
import java.util.HashMap;
import java.util.Map;

/**
 * Field path to where it was written, for problems found after validation.
 *
 * <p>Core reports such problems with {@link io.dendrite.core.DendriteException#configPath()}, e.g.
 * {@code model.layers[2].units} when the last layer does not match the data. A field that took its
 * default has no position of its own, so it is reported at the nearest enclosing value.
 */
public final class ConfigPositions {
  private final Map<String, Position> byPath;
  private final Position fallback;

  private ConfigPositions(Map<String, Position> byPath, Position fallback) {
    this.byPath = Map.copyOf(byPath);
    this.fallback = fallback;
  }

  /** The positions of every value in {@code root}. */
  public static ConfigPositions of(ConfigMap root, String displayName) {
    Map<String, Position> byPath = new HashMap<>();
    collect(root, byPath);
    return new ConfigPositions(byPath, Position.file(displayName));
  }

  private static void collect(ConfigNode node, Map<String, Position> into) {
    into.put(node.path(), node.position());
    if (node instanceof ConfigMap map) {
      map.entries().forEach(e -> collect(e.value(), into));
    } else if (node instanceof ConfigList list) {
      list.items().forEach(item -> collect(item, into));
    }
  }

  /** Where {@code path} was written, or its nearest written ancestor. */
  public Position locate(String path) {
    String p = path == null ? "" : path;
    while (true) {
      Position at = byPath.get(p);
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return fallback;
      }
      p = ConfigPath.parent(p);
    }
  }
}
