package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.plugins.InstalledPlugins;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dendrite plugins [--json]}: every installed plugin, its parameters and its jar. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "List the installed plugins by kind: id, aliases, parameters with defaults, ranges and"
          + " choices, source jar.",
      "Problems with plugin jars go to stderr; 'plugins doctor' lists them and fails on them."
    })
final class PluginsCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Option(
      names = "--json",
      description =
          "Print a JSON array, one object per plugin, on stdout; plugins that failed to load go"
              + " to stderr.")
  boolean json;

  @Mixin PluginsOption plugins;

  @Mixin DebugOption debug;

  PluginsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      env.out().print(json ? PluginJson.write(registry) + "\n" : PluginTable.write(registry));
      env.out().flush();
      PluginWarnings.print(registry, env.err());
    }
    return 0;
  }
}
