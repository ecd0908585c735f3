package io.dendrite.core.plugin;

import io.dendrite.core.DendriteException;
import io.dendrite.core.Suggestions;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every plugin of every kind, as found by {@link PluginDiscovery}, looked up by id or alias.
 *
 * <p>Problems do not stop the registry from being built: a broken provider or a refused id is
 * recorded in {@link #problems()} and reported when it matters, so that one bad jar never hides the
 * plugins of the others. Two plugins with the same id are both kept; using that id is an error
 * naming both sources.
 */
public final class PluginRegistry implements ComponentFactory {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  private final Map<PluginKind, Map<String, List<RegisteredPlugin>>> byName =
      new EnumMap<>(PluginKind.class);
  private final List<RegisteredPlugin> plugins = new ArrayList<>();
  private final List<PluginProblem> problems = new ArrayList<>();

  /**
   * Builds a registry from what discovery found; invalid ids, and ids or classes found twice,
   * become problems (each once, however often the registry is rebuilt from its own parts).
   */
  public PluginRegistry(List<RegisteredPlugin> found, List<PluginProblem> discoveryProblems) {
    Set<PluginProblem> all = new LinkedHashSet<>(discoveryProblems);
    for (PluginKind kind : PluginKind.values()) {
      byName.put(kind, new LinkedHashMap<>());
    }
    for (RegisteredPlugin p : found) {
      Optional<String> invalid = invalidId(p.plugin());
      if (invalid.isPresent()) {
        all.add(new PluginProblem(p.kind(), p.plugin().id(), p.source(), invalid.get()));
        continue;
      }
      plugins.add(p);
      byName.get(p.kind()).computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
      for (String alias : p.plugin().aliases()) {
        byName.get(p.kind()).computeIfAbsent(alias, k -> new ArrayList<>()).add(p);
      }
    }
    all.addAll(Duplicates.of(byName));
    problems.addAll(all);
    plugins.sort(Comparator.comparing(RegisteredPlugin::kind).thenComparing(RegisteredPlugin::id));
  }

  /** The plugins visible to {@code loader} (usually the class path plus a plugin folder). */
  public static PluginRegistry discover(ClassLoader loader) {
    return discover(loader, List.of());
  }

  /**
   * The plugins visible to {@code loader}, with problems found before discovery (a file in the
   * plugin folder that is not a jar) reported alongside its own.
   */
  public static PluginRegistry discover(ClassLoader loader, List<PluginProblem> earlier) {
    return PluginDiscovery.discover(loader, earlier);
  }

  /**
   * The plugins visible to {@code classPath} (Dendrite and its built-in plugins) and those of
   * {@code jars}, each made through the jar's own class loader; problems found before discovery (a
   * folder that could not be read) are reported alongside.
   */
  public static PluginRegistry discover(
      ClassLoader classPath, List<PluginJar> jars, List<PluginProblem> earlier) {
    return PluginDiscovery.discover(classPath, jars, earlier);
  }

  private static Optional<String> invalidId(Plugin<?> plugin) {
    List<String> names = new ArrayList<>();
    names.add(plugin.id());
    names.addAll(plugin.aliases());
    for (String name : names) {
      if (name == null || !ID.matcher(name).matches()) {
        return Optional.of(
            "refused: id '"
                + name
                + "' of "
                + plugin.getClass().getName()
                + " must be lower_snake_case (letters a-z, digits, '_', starting with a letter)");
      }
    }
    return Optional.empty();
  }

  /** Every usable plugin, sorted by kind then id. */
  public List<RegisteredPlugin> plugins() {
    return Collections.unmodifiableList(plugins);
  }

  /** The usable plugins of one kind, sorted by id. */
  public List<RegisteredPlugin> plugins(PluginKind kind) {
    return plugins.stream().filter(p -> p.kind() == kind).toList();
  }

  /** Providers that failed to load and ids that were refused. */
  public List<PluginProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Every id and alias of a kind, sorted. */
  public List<String> names(PluginKind kind) {
    return new ArrayList<>(new TreeSet<>(byName.get(kind).keySet()));
  }

  /** Every id and alias of a kind for messages: {@code identity, linear, relu}, or a note. */
  public String known(PluginKind kind) {
    List<String> names = names(kind);
    return names.isEmpty() ? "none installed" : String.join(", ", names);
  }

  /**
   * The plugin of {@code kind} called {@code name} (an id or alias).
   *
   * @throws DendriteException (configuration) for an unknown name, with a suggestion and the list
   *     of known ids, or for a name two plugins claim, naming both sources
   */
  public RegisteredPlugin require(PluginKind kind, String name) {
    List<RegisteredPlugin> matches = byName.get(kind).getOrDefault(name, List.of());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw ambiguous(kind, name, matches);
    }
    throw DendriteException.config(unknownMessage(kind, name));
  }

  /** The error for a name that several plugins claim, naming each one's class, jar and version. */
  public static DendriteException ambiguous(
      PluginKind kind, String name, java.util.Collection<RegisteredPlugin> matches) {
    return DendriteException.config(
        kind.id()
            + " id '"
            + name
            + "' is provided by more than one plugin: "
            + matches.stream().map(Duplicates::describe).collect(Collectors.joining(" and "))
            + "; remove one of them");
  }

  /** The message for an unknown name: {@code unknown activation 'rleu' (did you mean 'relu'?)}. */
  public String unknownMessage(PluginKind kind, String name) {
    StringBuilder s = new StringBuilder("unknown ").append(kind.id()).append(" '").append(name);
    s.append('\'');
    Suggestions.closest(name, byName.get(kind).keySet())
        .ifPresent(g -> s.append(" (did you mean '").append(g).append("'?)"));
    s.append("; known: ").append(known(kind));
    for (PluginProblem p : problems) {
      boolean registered = p.id() != null && byName.get(kind).containsKey(p.id());
      // One line per note: a folder of broken jars would make one line unreadable.
      if (p.kind() == kind && !registered) {
        s.append("\n  note: ").append(kind.withArticle()).append(" plugin failed to load: ");
        s.append(p);
      } else if (p.kind() == null) {
        s.append("\n  note: a plugin jar was not loaded: ").append(p);
      }
    }
    return s.toString();
  }

  /** True when {@code name} resolves to exactly one plugin of {@code kind}. */
  public boolean contains(PluginKind kind, String name) {
    return byName.get(kind).getOrDefault(name, List.of()).size() == 1;
  }

  @Override
  public <T> T create(ComponentSpec spec, Class<T> type) {
    return ComponentFactory.instantiate(require(spec.kind(), spec.id()).plugin(), spec, type);
  }
}
