package io.dendrite.runner.cli;

import io.dendrite.core.DendriteException;
import io.dendrite.core.Suggestions;
import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.docs.ParamText;
import io.dendrite.runner.plugins.InstalledPlugins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dendrite plugins describe [KIND] ID}: one plugin in full, with an example. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Describe one plugin: its parameters with types, defaults, ranges and docs, where it goes in"
          + " an experiment file, and an example YAML snippet.",
      "Give the kind too (plugins describe activation linear) when an id names plugins of several"
          + " kinds."
    })
final class PluginsDescribeCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(
      arity = "1..2",
      paramLabel = "[KIND] ID",
      description = "The plugin's id or alias, optionally after its kind (activation, loss, ...).")
  List<String> words = new ArrayList<>();

  @Mixin PluginsOption plugins;

  @Mixin DebugOption debug;

  PluginsDescribeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      RegisteredPlugin plugin = find(registry);
      env.out().print(describe(plugin, registry));
      env.out().flush();
      PluginWarnings.print(registry, env.err());
    }
    return 0;
  }

  private RegisteredPlugin find(PluginRegistry registry) {
    String name = words.get(words.size() - 1);
    if (words.size() == 2) {
      PluginKind kind =
          PluginKind.byId(words.get(0))
              .orElseThrow(
                  () ->
                      DendriteException.config(
                          "unknown plugin kind '" + words.get(0) + "'; kinds: " + kinds()));
      return registry.require(kind, name);
    }
    List<PluginKind> kinds =
        Arrays.stream(PluginKind.values()).filter(k -> registry.names(k).contains(name)).toList();
    if (kinds.size() == 1) {
      return registry.require(kinds.get(0), name);
    }
    if (kinds.size() > 1) {
      throw DendriteException.config(
          "'"
              + name
              + "' names plugins of "
              + kinds.size()
              + " kinds ("
              + kinds.stream().map(PluginKind::id).collect(Collectors.joining(", "))
              + "); say which: dendrite plugins describe "
              + kinds.get(0).id()
              + " "
              + name);
    }
    TreeSet<String> all = new TreeSet<>();
    Arrays.stream(PluginKind.values()).forEach(k -> all.addAll(registry.names(k)));
    StringBuilder s =
        new StringBuilder("no installed plugin is called '").append(name).append('\'');
    Suggestions.closest(name, all)
        .ifPresent(g -> s.append(" (did you mean '").append(g).append("'?)"));
    s.append("; dendrite plugins lists them all");
    throw DendriteException.config(s.toString());
  }

  private static String kinds() {
    return Arrays.stream(PluginKind.values()).map(PluginKind::id).collect(Collectors.joining(", "));
  }

  /** The plugin in full, for people. */
  static String describe(RegisteredPlugin p, PluginRegistry registry) {
    StringBuilder s = new StringBuilder();
    s.append(p.kind().id()).append(' ').append(p.id());
    if (!p.plugin().summary().isBlank()) {
      s.append(": ").append(p.plugin().summary());
    }
    s.append("\n\n");
    List<List<String>> about = new ArrayList<>();
    about.add(
        List.of(
            "aliases",
            p.plugin().aliases().isEmpty() ? "none" : String.join(", ", p.plugin().aliases())));
    about.add(List.of("class", p.plugin().getClass().getName()));
    about.add(List.of("source", p.source()));
    about.add(List.of("version", p.version()));
    s.append(TextTable.format(about, "  "));
    s.append('\n');
    List<Param<?>> params = p.plugin().params();
    if (params.isEmpty()) {
      s.append("parameters: none\n");
    } else {
      s.append("parameters\n");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("NAME", "TYPE", "DEFAULT", "RANGE", "DOC"));
      for (Param<?> param : params) {
        rows.add(
            List.of(
                param.name(),
                ParamText.type(param),
                ParamText.defaultCell(param).replace("`", ""),
                ParamText.limits(param).replace("`", "").isEmpty()
                    ? "-"
                    : ParamText.limits(param).replace("`", ""),
                param.doc()));
      }
      s.append(TextTable.format(rows, "  "));
    }
    ExampleYaml.Example example = new ExampleYaml(registry).of(p);
    s.append('\n').append("example, at ").append(example.where()).append('\n');
    example.yaml().lines().forEach(l -> s.append("  ").append(l).append('\n'));
    return s.toString();
  }
}
