package io.dendrite.runner.validate;

import io.dendrite.core.DendriteException;
import io.dendrite.core.Suggestions;
import io.dendrite.core.param.ListType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.ParamProblem;
import io.dendrite.core.param.Params;
import io.dendrite.core.param.PathType;
import io.dendrite.core.param.SectionType;
import io.dendrite.core.param.ValueType;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.ComponentType;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a configuration tree against declarations: the experiment format's sections, and the
 * parameters each referenced plugin declares, in one walk for both.
 *
 * <p>A section is a mapping of declared keys; a list holds values of one type; a component is an id
 * ({@code relu}) or a mapping {@code {type: id, param: value, ...}} whose parameters are read the
 * same way, recursively. Scalars are converted by their declared type. Problems are collected, not
 * thrown, so that one run reports all of them; a method that found any returns null.
 */
final class ConfigReader {
  /** Marks a value that could not be read; its problem is already reported. */
  private static final Object NOT_A_VALUE = new Object();

  /** How the message of a key left out starts. */
  private static final String MISSING = "missing required";

  private final PluginRegistry registry;
  private final Path folder;
  private final List<ConfigProblem> problems;

  ConfigReader(PluginRegistry registry, Path folder, List<ConfigProblem> problems) {
    this.registry = registry;
    this.folder = folder;
    this.problems = problems;
  }

  /**
   * Checks the entries of {@code map} against {@code declared} and fills in defaults. {@code map}
   * is null when nothing was given. Returns the values, or null when anything is wrong.
   *
   * @param at where to report a missing entry: the enclosing value
   * @param path the path of the enclosing value
   * @param owner for messages: {@code of layer 'dense'}, {@code in data}, or empty for the top
   * @param what {@code parameter} or {@code key}
   * @param skip keys of {@code map} that are not entries ({@code type}, {@code name})
   */
  Params section(
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
    Map<String, ConfigNode> nodes = new HashMap<>();
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
          checkAsSuggested(e, byName);
          continue;
        }
        nodes.put(e.key(), e.value());
        Object value = read(param.type(), e.value(), e.key());
        if (value != NOT_A_VALUE) {
          given.put(e.key(), value);
        } else {
          reported.add(e.key());
        }
      }
    }
    for (Param<?> p : declared) {
      if (!nodes.containsKey(p.name()) && p.defaultValue().isPresent()) {
        Object value =
            byDefault(p.type(), p.defaultValue().get(), at, ConfigPath.key(path, p.name()));
        if (value != NOT_A_VALUE) {
          given.put(p.name(), value);
        } else {
          reported.add(p.name());
        }
      }
    }
    try {
      Params params = Params.resolve(declared, given);
      return problems.size() > before ? null : params;
    } catch (ParamException e) {
      for (ParamProblem p : e.problems()) {
        if (reported.contains(p.path())) {
          continue;
        }
        String fieldPath = ConfigPath.key(path, p.path());
        if (p.reason() == ParamProblem.Reason.MISSING) {
          problems.add(
              new ConfigProblem(
                  at,
                  fieldPath,
                  MISSING
                      + " "
                      + what
                      + (owner.isEmpty() ? "" : " " + owner)
                      + " ("
                      + expectation(byName.get(p.path()).type())
                      + ")"));
        } else {
          ConfigNode node = nodes.get(p.path());
          problems.add(
              new ConfigProblem(
                  node == null ? at : node.position(),
                  node == null ? fieldPath : node.path(),
                  p.message()));
        }
      }
      return null;
    }
  }

  /**
   * Reads the value of a misspelt key as the key it was probably meant to be, so that mistakes
   * inside it ({@code trainig: {batchsize: 8}}) are reported in the same run as the key itself.
   * What it lacks is not reported: the value is not used, and the missing key says enough.
   */
  private void checkAsSuggested(ConfigMap.Entry e, Map<String, Param<?>> byName) {
    Optional<String> meant = Suggestions.closest(e.key(), byName.keySet());
    if (meant.isEmpty() || !(e.value() instanceof ConfigMap || e.value() instanceof ConfigList)) {
      return;
    }
    List<ConfigProblem> inside = new ArrayList<>();
    new ConfigReader(registry, folder, inside)
        .read(byName.get(meant.get()).type(), e.value(), meant.get());
    inside.stream()
        .filter(p -> !p.message().startsWith(MISSING) && !p.path().equals(e.value().path()))
        .forEach(problems::add);
  }

  /**
   * What {@code node} gives as a value of {@code type}, read on its own; empty when it is not
   * valid, and its problems are then added to this reader's.
   */
  Optional<Object> value(ValueType<?> type, ConfigNode node, String key) {
    Object value = read(type, node, key);
    return value == NOT_A_VALUE ? Optional.empty() : Optional.of(value);
  }

  /** The value {@code node} gives a value of {@code type}, or {@link #NOT_A_VALUE}. */
  private Object read(ValueType<?> type, ConfigNode node, String key) {
    if (type instanceof SectionType section) {
      if (!(node instanceof ConfigMap map)) {
        return mismatch(type, node);
      }
      Params p =
          section(section.params(), map, map.position(), map.path(), "in " + key, "key", Set.of());
      return p == null ? NOT_A_VALUE : p;
    }
    if (type instanceof ListType<?> list) {
      return list(list, node, key);
    }
    if (type instanceof ComponentType component) {
      ComponentSpec spec = component(node, component);
      return spec == null ? NOT_A_VALUE : spec;
    }
    if (!(node instanceof ConfigScalar scalar) || scalar.value() == null) {
      return mismatch(type, node);
    }
    Object raw = scalar.value();
    if (type instanceof PathType pathType && raw instanceof String s && !s.isBlank()) {
      Path path;
      try {
        // Relative to the experiment file, so that a run works from any working directory.
        path = folder.resolve(s).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        problems.add(
            new ConfigProblem(node.position(), node.path(), "not a valid path: " + e.getMessage()));
        return NOT_A_VALUE;
      }
      if (pathType.input() && !Files.exists(path)) {
        problems.add(
            new ConfigProblem(
                node.position(),
                node.path(),
                "no such file or folder: "
                    + path
                    + (Path.of(s).isAbsolute() ? "" : " (relative to the experiment file)")));
        return NOT_A_VALUE;
      }
      raw = path;
    }
    try {
      return type.convert(raw);
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(node.position(), node.path(), e.getMessage()));
      return NOT_A_VALUE;
    }
  }

  private Object list(ListType<?> type, ConfigNode node, String key) {
    if (!(node instanceof ConfigList list)) {
      return mismatch(type, node);
    }
    if (list.items().size() < type.minSize()) {
      problems.add(
          new ConfigProblem(list.position(), list.path(), type.tooShort(list.items().size())));
      return NOT_A_VALUE;
    }
    List<Object> values = new ArrayList<>();
    boolean ok = true;
    Map<String, ConfigNode> names = new HashMap<>();
    for (ConfigNode item : list.items()) {
      Object value = read(type.element(), item, key);
      if (value == NOT_A_VALUE) {
        ok = false;
        continue;
      }
      values.add(value);
      if (type.element() instanceof ComponentType c && c.settings().contains(ComponentType.NAME)) {
        // Named instances are columns of metrics.csv and keys of metrics.json: one each.
        ComponentSpec spec = (ComponentSpec) value;
        ConfigNode first = names.putIfAbsent(spec.name(), item);
        if (first != null) {
          problems.add(
              new ConfigProblem(
                  item.position(),
                  item.path(),
                  c.kind().id()
                      + " name '"
                      + spec.name()
                      + "' is used twice (first at "
                      + first.path()
                      + "); give one a name of its own: {type: "
                      + spec.id()
                      + ", name: "
                      + spec.name()
                      + "_2}"));
          ok = false;
        }
      }
    }
    return ok ? values : NOT_A_VALUE;
  }

  /** The validated reference {@code node} makes to a plugin of {@code type}'s kind, or null. */
  private ComponentSpec component(ConfigNode node, ComponentType type) {
    PluginKind kind = type.kind();
    ConfigNode idNode;
    ConfigMap map = null;
    if (node instanceof ConfigScalar s && s.isText()) {
      idNode = node;
    } else if (node instanceof ConfigMap m) {
      map = m;
      idNode = m.get(ComponentType.TYPE_KEY).orElse(null);
      if (idNode == null) {
        problems.add(
            new ConfigProblem(
                m.position(),
                ConfigPath.key(m.path(), ComponentType.TYPE_KEY),
                "missing 'type': which " + kind.id() + " (known: " + registry.known(kind) + ")"));
        return null;
      }
      if (!(idNode instanceof ConfigScalar s && s.isText())) {
        problems.add(
            new ConfigProblem(
                idNode.position(),
                idNode.path(),
                "expected " + kind.withArticle() + " id, found " + idNode.describe()));
        return null;
      }
    } else {
      problems.add(
          new ConfigProblem(
              node.position(),
              node.path(),
              "expected "
                  + type.expectation()
                  + ", found "
                  + node.describe()
                  + " (known: "
                  + registry.known(kind)
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
    // The format's settings (a metric's name, an optimizer's schedule) and the plugin's own
    // parameters share the mapping; each part is read against its own declarations.
    Set<String> settingKeys = new HashSet<>();
    type.settings().forEach(p -> settingKeys.add(p.name()));
    Set<String> notParameters = new HashSet<>(settingKeys);
    notParameters.add(ComponentType.TYPE_KEY);
    Set<String> notSettings = new HashSet<>();
    if (map != null) {
      map.entries().stream()
          .map(ConfigMap.Entry::key)
          .filter(k -> !settingKeys.contains(k))
          .forEach(notSettings::add);
    }
    String owner = "of " + kind.id() + " '" + plugin.id() + "'";
    Params settings =
        section(type.settings(), map, node.position(), node.path(), owner, "key", notSettings);
    Params params =
        section(
            plugin.plugin().params(),
            map,
            node.position(),
            node.path(),
            owner,
            "parameter",
            notParameters);
    if (params == null || settings == null) {
      return null;
    }
    params = withDerivedDefaults(plugin, params, node.position(), node.path());
    return params == null ? null : new ComponentSpec(kind, plugin.id(), params, settings);
  }

  /**
   * {@code params} with the defaults the plugin derives from them ({@code dense}: the initializer
   * that suits its activation), so that the resolved experiment says what will run.
   */
  private Params withDerivedDefaults(
      RegisteredPlugin plugin, Params params, Position at, String path) {
    Map<String, Object> derived = plugin.plugin().derivedDefaults(params);
    if (derived.isEmpty()) {
      return params;
    }
    Map<String, Object> values = new LinkedHashMap<>(params.values());
    for (Map.Entry<String, Object> e : derived.entrySet()) {
      Object value = e.getValue();
      if (value instanceof ComponentSpec spec) {
        value = byDefault(spec, at, ConfigPath.key(path, e.getKey()));
        if (value == null) {
          return null;
        }
      }
      values.put(e.getKey(), value);
    }
    try {
      return Params.resolve(params.declared(), values);
    } catch (ParamException e) {
      throw new IllegalStateException(
          plugin.id() + " derived defaults its declarations refuse: " + e.getMessage(), e);
    }
  }

  /**
   * {@code value}, the declared default of a key left out, with every plugin it names resolved: a
   * default component gets its plugin's own defaults. Problems are reported at {@code at}.
   */
  private Object byDefault(ValueType<?> type, Object value, Position at, String path) {
    if (type instanceof ComponentType && value instanceof ComponentSpec spec) {
      ComponentSpec resolved = byDefault(spec, at, path);
      return resolved == null ? NOT_A_VALUE : resolved;
    }
    if (type instanceof ListType<?> list && value instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      for (Object item : items) {
        Object v = byDefault(list.element(), item, at, path);
        if (v == NOT_A_VALUE) {
          return NOT_A_VALUE;
        }
        out.add(v);
      }
      return out;
    }
    if (type instanceof SectionType section) {
      Params p = section(section.params(), null, at, path, "in " + lastKey(path), "key", Set.of());
      return p == null ? NOT_A_VALUE : p;
    }
    return value;
  }

  private ComponentSpec byDefault(ComponentSpec spec, Position at, String path) {
    RegisteredPlugin plugin;
    try {
      plugin = registry.require(spec.kind(), spec.id());
    } catch (DendriteException e) {
      problems.add(
          new ConfigProblem(
              at,
              path,
              "the default " + spec.kind().id() + " is not available: " + e.getMessage()));
      return null;
    }
    try {
      return new ComponentSpec(
          spec.kind(),
          plugin.id(),
          Params.resolve(plugin.plugin().params(), spec.params().values()),
          spec.settings());
    } catch (ParamException e) {
      problems.add(
          new ConfigProblem(
              at,
              path,
              "the default "
                  + spec.kind().id()
                  + " '"
                  + spec.id()
                  + "' needs parameters: "
                  + e.getMessage()));
      return null;
    }
  }

  private Object mismatch(ValueType<?> type, ConfigNode node) {
    problems.add(
        new ConfigProblem(
            node.position(),
            node.path(),
            "expected " + expectation(type) + ", found " + node.describe()));
    return NOT_A_VALUE;
  }

  /** What a valid value looks like, with the installed ids where it names plugins. */
  private String expectation(ValueType<?> type) {
    if (type instanceof ComponentType c) {
      return type.expectation() + "; known: " + registry.known(c.kind());
    }
    if (type instanceof ListType<?> l && l.element() instanceof ComponentType c) {
      List<String> names = registry.names(c.kind());
      return type.expectation() + ", e.g. [" + (names.isEmpty() ? "id" : names.get(0)) + "]";
    }
    return type.expectation();
  }

  private static String lastKey(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
