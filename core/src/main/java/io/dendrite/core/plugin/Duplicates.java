package io.dendrite.core.plugin;

import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plugins that claim the same id or alias, and plugin classes found in two places, as problems.
 *
 * <p>Both plugins stay registered: using the id is an error naming them ({@link
 * PluginRegistry#ambiguous}), while every other plugin of either jar works. Each clash is one
 * problem, attributed to the plugin found last (usually the third-party jar), naming the others
 * with their jars and versions; the same class in two jars (two versions of one plugin) is said so.
 */
final class Duplicates {
  private Duplicates() {}

  /** One problem per clash among the names of {@code byName} (kind, then id or alias). */
  static List<PluginProblem> of(Map<PluginKind, Map<String, List<RegisteredPlugin>>> byName) {
    List<PluginProblem> problems = new ArrayList<>();
    for (Map.Entry<PluginKind, Map<String, List<RegisteredPlugin>>> kind : byName.entrySet()) {
      List<Set<RegisteredPlugin>> reported = new ArrayList<>();
      for (Map.Entry<String, List<RegisteredPlugin>> name : kind.getValue().entrySet()) {
        List<RegisteredPlugin> clash = name.getValue();
        if (clash.size() < 2) {
          continue;
        }
        Set<RegisteredPlugin> group = Collections.newSetFromMap(new IdentityHashMap<>());
        group.addAll(clash);
        // A pair that shares an id and an alias is one clash, reported once.
        if (reported.stream().anyMatch(r -> r.equals(group))) {
          continue;
        }
        reported.add(group);
        problems.add(problem(kind.getKey(), name.getKey(), clash));
      }
    }
    return problems;
  }

  private static PluginProblem problem(PluginKind kind, String name, List<RegisteredPlugin> clash) {
    RegisteredPlugin last = clash.get(clash.size() - 1);
    List<RegisteredPlugin> others = clash.subList(0, clash.size() - 1);
    String cls = last.plugin().getClass().getName();
    boolean sameClass = others.stream().allMatch(p -> p.plugin().getClass().getName().equals(cls));
    String until = "; remove one of them (until then using '" + name + "' is an error)";
    if (sameClass) {
      return new PluginProblem(
          kind,
          name,
          last.source(),
          "class "
              + cls
              + " (version "
              + last.version()
              + ") is also in "
              + others.stream()
                  .map(p -> p.source() + " (version " + p.version() + ")")
                  .collect(Collectors.joining(" and "))
              + ": two copies of one plugin"
              + until);
    }
    return new PluginProblem(
        kind,
        name,
        last.source(),
        cls
            + " (version "
            + last.version()
            + ") claims the "
            + kind.id()
            + " id '"
            + name
            + "' that "
            + others.stream()
                .map(
                    p ->
                        p.plugin().getClass().getName()
                            + " in "
                            + p.source()
                            + " (version "
                            + p.version()
                            + ")")
                .collect(Collectors.joining(" and "))
            + (others.size() == 1 ? " has" : " have")
            + " too"
            + until);
  }

  /** {@code org.example.Foo$Plugin (/plugins/foo.jar, version 1.0)}. */
  static String describe(RegisteredPlugin p) {
    return p.plugin().getClass().getName() + " (" + p.source() + ", version " + p.version() + ")";
  }
}
