package io.dendrite.runner.config;

import java.util.ArrayList;
import java.util.List;

/** A list of values. */
public record ConfigList(Position position, String path, List<ConfigNode> items)
    implements ConfigNode {
  public ConfigList {
    items = List.copyOf(items);
  }

  /** This list with item {@code index} replaced, or appended when {@code index == size}. */
  public ConfigList with(int index, ConfigNode value) {
    List<ConfigNode> copy = new ArrayList<>(items);
    ConfigNode placed = value.atPath(ConfigPath.item(path, index));
    if (index == copy.size()) {
      copy.add(placed);
    } else {
      copy.set(index, placed);
    }
    return new ConfigList(position, path, copy);
  }

  @Override
  public ConfigList atPath(String newPath) {
    List<ConfigNode> moved = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      moved.add(items.get(i).atPath(ConfigPath.item(newPath, i)));
    }
    return new ConfigList(position, newPath, moved);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
