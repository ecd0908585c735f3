package io.dendrite.runner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mapping, with its keys in file order and where each key was written. */
public record ConfigMap(Position position, String path, List<ConfigMap.Entry> entries)
    implements ConfigNode {
  /** One {@code key: value} pair; the key's own position is where unknown keys are reported. */
  public record Entry(String key, Position keyPosition, ConfigNode value) {}

  public ConfigMap {
    entries = List.copyOf(entries);
  }

  /** The entry for {@code key}, if present. */
  public Optional<Entry> entry(String key) {
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The value for {@code key}, if present. */
  public Optional<ConfigNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  /** This mapping with {@code key} set to {@code value}, replacing or appending the entry. */
  public ConfigMap with(String key, Position keyPosition, ConfigNode value) {
    List<Entry> copy = new ArrayList<>(entries);
    ConfigNode placed = value.atPath(ConfigPath.key(path, key));
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).key().equals(key)) {
        copy.set(i, new Entry(key, copy.get(i).keyPosition(), placed));
        return new ConfigMap(position, path, copy);
      }
    }
    copy.add(new Entry(key, keyPosition, placed));
    return new ConfigMap(position, path, copy);
  }

  @Override
  public ConfigMap atPath(String newPath) {
    List<Entry> moved = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      moved.add(
          new Entry(e.key(), e.keyPosition(), e.value().atPath(ConfigPath.key(newPath, e.key()))));
    }
    return new ConfigMap(position, newPath, moved);
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
