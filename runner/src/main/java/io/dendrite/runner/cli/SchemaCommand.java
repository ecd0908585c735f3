package io.dendrite.runner.cli;

import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.schema.ExperimentSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dendrite schema}: the JSON Schema of experiment files, for editors. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft-07) of experiment files, with the parameters of every installed"
          + " plugin: dendrite schema > dendrite.schema.json",
      "Then start an experiment file with: # yaml-language-server: $schema=dendrite.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Mixin PluginsOption plugins;

  @Mixin DebugOption debug;

  SchemaCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      env.out().println(ExperimentSchema.json(installed.registry()));
      env.out().flush();
      PluginWarnings.print(installed.registry(), env.err());
    }
    return 0;
  }
}
