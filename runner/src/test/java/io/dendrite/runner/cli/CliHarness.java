package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** Runs the command line in-process, in a given folder, with captured output. */
final class CliHarness {
  /** What a command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T20:30:15Z"), ZoneOffset.UTC);

  private final Path workingDirectory;
  private final Supplier<PluginRegistry> plugins;

  CliHarness(Path workingDirectory, Supplier<PluginRegistry> plugins) {
    this.workingDirectory = workingDirectory;
    this.plugins = plugins;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            plugins,
            workingDirectory,
            CLOCK,
            false,
            workingDirectory.resolve(".dendrite-home"));
    int code = DendriteCommand.commandLine(env).execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
