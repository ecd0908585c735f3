package io.dendrite.runner.validate;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.ParamProblem;
import io.dendrite.core.param.ParamType;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates component references and parameter mappings against what plugins declare.
 *
 * <p>A reference is an id ({@code relu}) or a mapping {@code {type: id, param: value, ...}}.
 * Parameters that are themselves components (a layer's {@code activation}) are read the same way,
 * recursively. Problems are collected, not thrown, so that one run reports all of them; a method
 * that found any returns null.
 */
final class ComponentReader {
  private static final String TYPE = "type";

  private final PluginRegistry registry;
  private final Path folder;
  private final List<ConfigProblem> problems;

  ComponentReader(PluginRegistry registry, Path folder, List<ConfigProblem> problems) {
    this.registry = registry;
    this.folder = folder;
    this.problems = problems;
  }

  /** The validated reference {@code node} makes to a plugin of {@code kind}, or null. */
  ComponentSpec component(ConfigNode node, PluginKind kind) {
    ConfigNode idNode;
    ConfigMap map = null;
    if (node instanceof ConfigScalar s && s.isText()) {
      idNode = node;
    } else if (node instanceof ConfigMap m) {
      map = m;
      idNode = m.get(TYPE).orElse(null);
      if (idNode == null) {
        problems.add(
            new ConfigProblem(
                m.position(),
                ConfigPath.key(m.path(), TYPE),
                "missing 'type': which " + kind.id() + " (known: " + known(kind) + ")"));
        return null;
      }
      if (!(idNode instanceof ConfigScalar s && s.isText())) {
        problems.add(
            new ConfigProblem(
                idNode.position(),
                idNode.path(),
                "expected a " + kind.id() + " id, found " + idNode.describe()));
        return null;
      }
    } else {
      problems.add(
          new ConfigProblem(
              node.position(),
              node.path(),
              "expected a "
                  + kind.id()
                  + " id or {type: id, ...}, found "
                  + node.describe()
                  + " (known: "
                  + known(kind)
                  + ")"));
      return null;
    }
    String id = (String) ((ConfigScalar) idNode).value();
    RegisteredPlugin plugin;
    try {
      plugin = registry.require(kind, id);
    } catch (DendriteException e) {
      problems.add(new ConfigProblem(idNode.position(), idNode.path(), e.getMessage()));
      return null;
    }
    Params params =
        params(
            plugin.plugin().params(),
            map,
            node.position(),
            node.path(),
            "of " + kind.id() + " '" + plugin.id() + "'",
            "parameter",
            Set.of(TYPE));
    return params == null ? null : new ComponentSpec(kind, plugin.id(), params);
  }

  /**
   * The reference to {@code id} with default parameters, for a component left out. Problems are
   * reported at {@code at}, the enclosing value.
   */
  ComponentSpec byDefault(PluginKind kind, String id, Position at, String path) {
    RegisteredPlugin plugin;
    try {
      plugin = registry.require(kind, id);
    } catch (DendriteException e) {
      problems.add(
          new ConfigProblem(
              at, path, "the default " + kind.id() + " is not available: " + e.getMessage()));
      return null;
    }
    try {
      return new ComponentSpec(
          kind, plugin.id(), Params.resolve(plugin.plugin().params(), Map.of()));
    } catch (ParamException e) {
      problems.add(
          new ConfigProblem(
              at,
              path,
              "the default " + kind.id() + " '" + id + "' needs parameters: " + e.getMessage()));
      return null;
    }
  }

  /**
   * Checks the entries of {@code map} against {@code declared} and fills in defaults. {@code map}
   * is null when nothing was given. Returns the values, or null when anything is wrong.
   *
   * @param at where to report a missing parameter: the enclosing value
   * @param path the path of the enclosing value
   * @param owner for messages: {@code of layer 'dense'}, {@code in data}
   * @param what {@code parameter} or {@code key}
   * @param skip keys of {@code map} that are not parameters ({@code type})
   */
  Params params(
      List<Param<?>> declared,
      ConfigMap map,
      Position at,
      String path,
      String owner,
      String what,
      Set<String> skip) {
    int before = problems.size();
    Map<String, Param<?>> byName = new LinkedHashMap<>();
    declared.forEach(p -> byName.put(p.name(), p));
    Map<String, Object> given = new LinkedHashMap<>();
    Map<String, ConfigNode> nodes = new LinkedHashMap<>();
    Set<String> reported = new HashSet<>();
    if (map != null) {
      for (ConfigMap.Entry e : map.entries()) {
        if (skip.contains(e.key())) {
          continue;
        }
        Param<?> param = byName.get(e.key());
        if (param == null) {
          problems.add(
              new ConfigProblem(
                  e.keyPosition(),
                  e.value().path(),
                  UnknownKeys.message(what, e.key(), owner, byName.keySet())));
          continue;
        }
        nodes.put(e.key(), e.value());
        Object value = plainValue(param, e.value());
        if (value == NOT_A_VALUE) {
          reported.add(e.key());
        } else {
          given.put(e.key(), value);
        }
      }
    }
    for (Param<?> p : declared) {
      if (p.type() == ParamType.COMPONENT
          && !given.containsKey(p.name())
          && !reported.contains(p.name())
          && p.defaultComponentId().isPresent()) {
        ComponentSpec spec =
            byDefault(
                p.componentKind(),
                p.defaultComponentId().get(),
                at,
                ConfigPath.key(path, p.name()));
        if (spec == null) {
          reported.add(p.name());
        } else {
          given.put(p.name(), spec);
        }
      }
    }
    Params params = null;
    try {
      params = Params.resolve(declared, given);
    } catch (ParamException e) {
      for (ParamProblem p : e.problems()) {
        if (reported.contains(p.name())) {
          continue;
        }
        String fieldPath = ConfigPath.key(path, p.name());
        switch (p.reason()) {
          case INVALID -> {
            ConfigNode node = nodes.get(p.name());
            problems.add(new ConfigProblem(node.position(), node.path(), p.message()));
          }
          case MISSING ->
              problems.add(
                  new ConfigProblem(
                      at,
                      fieldPath,
                      "missing required "
                          + what
                          + " "
                          + owner
                          + " ("
                          + byName.get(p.name()).expectation()
                          + ")"));
          case UNKNOWN -> problems.add(new ConfigProblem(at, fieldPath, p.message()));
        }
      }
    }
    return problems.size() == before ? params : null;
  }

  private static final Object NOT_A_VALUE = new Object();

  /**
   * The plain Java value {@link Param#convert} expects for {@code node}. Components and paths are
   * resolved here; type and range checks are left to the declaration.
   */
  private Object plainValue(Param<?> param, ConfigNode node) {
    if (param.type() == ParamType.COMPONENT) {
      ComponentSpec spec = component(node, param.componentKind());
      return spec == null ? NOT_A_VALUE : spec;
    }
    if (!(node instanceof ConfigScalar scalar)) {
      problems.add(
          new ConfigProblem(
              node.position(),
              node.path(),
              "expected " + param.expectation() + ", found " + node.describe()));
      return NOT_A_VALUE;
    }
    if (param.type() == ParamType.PATH && scalar.value() instanceof String s && !s.isBlank()) {
      try {
        // Relative to the experiment file, so that a run works from any working directory.
        return folder.resolve(s).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        problems.add(
            new ConfigProblem(node.position(), node.path(), "not a valid path: " + e.getMessage()));
        return NOT_A_VALUE;
      }
    }
    return scalar.value();
  }

  private String known(PluginKind kind) {
    List<String> names = registry.names(kind);
    return names.isEmpty() ? "none installed" : String.join(", ", names);
  }
}
