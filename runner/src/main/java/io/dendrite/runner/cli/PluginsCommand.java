package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dendrite plugins [--json]}: every installed plugin, its parameters and its jar. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "List the installed plugins by kind: id, aliases, parameters, source jar.")
final class PluginsCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Option(
      names = "--json",
      description =
          "Print a JSON array, one object per plugin, on stdout; plugins that failed to load go"
              + " to stderr.")
  boolean json;

  @Mixin DebugOption debug;

  PluginsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PluginRegistry registry = env.plugins().get();
    if (json) {
      env.out().println(PluginJson.write(registry));
      for (PluginProblem p : registry.problems()) {
        env.err().println("plugin problem: " + p);
      }
    } else {
      env.out().print(PluginTable.write(registry));
    }
    env.out().flush();
    env.err().flush();
    return 0;
  }
}
