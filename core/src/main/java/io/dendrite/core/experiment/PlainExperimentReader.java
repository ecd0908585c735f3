package io.dendrite.core.experiment;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.ListType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.param.SectionType;
import io.dendrite.core.param.ValueType;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.ComponentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment written as plain data ({@link Experiment#toMap()}, as JSON in a model file or
 * shipped to a worker) back into an {@link Experiment}, resolving every plugin id against the
 * installed plugins.
 *
 * <p>Such data was valid when it was written; what can go wrong now is a plugin that is not
 * installed here, or a file that was changed. Both are refused with the path of the value and, for
 * a plugin, its kind and id. YAML from people goes through the runner's validator instead, which
 * reports every problem with its line and column.
 */
public final class PlainExperimentReader {
  private final PluginRegistry registry;
  private final String source;
  private final java.nio.file.Path folder;

  /**
   * @param source what the data comes from, for messages: {@code model.safetensors}
   */
  public PlainExperimentReader(PluginRegistry registry, String source) {
    this(registry, source, java.nio.file.Path.of(""));
  }

  /**
   * @param source what the data comes from, for messages: {@code model.safetensors}
   * @param folder relative paths in the data are relative to it: the folder of the file it is in
   */
  public PlainExperimentReader(PluginRegistry registry, String source, java.nio.file.Path folder) {
    this.registry = registry;
    this.source = source;
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** The experiment {@code plain} describes, named by its {@code name}. */
  public Experiment read(Map<String, ?> plain) {
    Params params = section(Experiment.FORMAT, plain, "");
    return Experiment.of(
        params, params.has(Experiment.NAME) ? params.get(Experiment.NAME) : "model");
  }

  /** The component of {@code kind} that {@code plain} ({@code {type: id, ...}}) describes. */
  public ComponentSpec component(ComponentType type, Object plain, String path) {
    String id;
    Map<String, Object> rest = new LinkedHashMap<>();
    if (plain instanceof String s) {
      id = s;
    } else if (plain instanceof Map<?, ?> map
        && map.get(ComponentType.TYPE_KEY) instanceof String s) {
      id = s;
      map.forEach(
          (k, v) -> {
            if (!ComponentType.TYPE_KEY.equals(k)) {
              rest.put(String.valueOf(k), v);
            }
          });
    } else {
      throw invalid(path, "expected " + type.expectation() + ", found " + plain);
    }
    RegisteredPlugin plugin;
    try {
      plugin = registry.require(type.kind(), id);
    } catch (DendriteException e) {
      throw DendriteException.data(
          source
              + ": "
              + (path.isEmpty() ? "" : path + ": ")
              + "needs the "
              + type.kind().id()
              + " '"
              + id
              + "', which is not installed here ("
              + e.getMessage()
              + "); install the plugin jar that provides it");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Param<?> s : type.settings()) {
      if (rest.containsKey(s.name())) {
        settings.put(s.name(), rest.remove(s.name()));
      }
    }
    return new ComponentSpec(
        type.kind(),
        plugin.id(),
        section(plugin.plugin().params(), rest, path),
        section(type.settings(), settings, path));
  }

  private Params section(List<Param<?>> declared, Map<String, ?> plain, String path) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param<?> p : declared) {
      String at = path.isEmpty() ? p.name() : path + "." + p.name();
      if (plain.containsKey(p.name())) {
        values.put(p.name(), read(p.type(), plain.get(p.name()), at));
      } else if (p.defaultValue().isPresent() && p.type() instanceof SectionType section) {
        values.put(p.name(), section(section.params(), Map.of(), at));
      }
    }
    for (String key : plain.keySet()) {
      if (declared.stream().noneMatch(p -> p.name().equals(key))) {
        throw invalid(path.isEmpty() ? key : path + "." + key, "is not a key of this version");
      }
    }
    try {
      return Params.resolve(declared, values);
    } catch (ParamException e) {
      throw invalid(path, e.getMessage());
    }
  }

  private Object read(ValueType<?> type, Object raw, String path) {
    if (type instanceof SectionType section && raw instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) map;
      return section(section.params(), m, path);
    }
    if (type instanceof ListType<?> list && raw instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(read(list.element(), items.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    if (type instanceof ComponentType component) {
      return component(component, raw, path);
    }
    if (type instanceof io.dendrite.core.param.PathType
        && raw instanceof String s
        && !s.isBlank()) {
      try {
        return folder.resolve(s).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw invalid(path, "not a valid path: " + e.getMessage());
      }
    }
    try {
      return type.convert(raw);
    } catch (IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
  }

  private DendriteException invalid(String path, String why) {
    return DendriteException.data(
        source
            + ": "
            + (path.isEmpty() ? "" : path + ": ")
            + why
            + "; the file was changed, or written by another version");
  }
}
