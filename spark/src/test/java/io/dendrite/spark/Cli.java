package io.dendrite.spark;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.cli.CliEnvironment;
import io.dendrite.runner.cli.DendriteCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

/** The command line in-process, with the Spark module on the class path, output captured. */
final class Cli {
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            extra ->
                io.dendrite.runner.plugins.InstalledPlugins.of(
                    PluginRegistry.discover(Cli.class.getClassLoader())),
            workingDirectory,
            Clock.systemUTC(),
            false,
            workingDirectory.resolve(".dendrite-home"));
    int code = DendriteCommand.commandLine(env).execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
