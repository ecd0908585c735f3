package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.plugins.InstalledPlugins;
import io.dendrite.runner.plugins.PluginFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs the command line in-process, in a given folder, with captured output. */
final class CliHarness {
  /** What a command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T20:30:15Z"), ZoneOffset.UTC);

  private final Path workingDirectory;
  private final Function<List<Path>, InstalledPlugins> plugins;

  /** Commands see {@code registry}'s plugins, whatever folders they name. */
  CliHarness(Path workingDirectory, Supplier<PluginRegistry> registry) {
    this(workingDirectory, extra -> InstalledPlugins.of(registry.get()));
  }

  /** Commands see the plugins {@code plugins} opens for the folders they add. */
  private CliHarness(Path workingDirectory, Function<List<Path>, InstalledPlugins> plugins) {
    this.workingDirectory = workingDirectory;
    this.plugins = plugins;
  }

  /** Commands see the class path's plugins and the jars of {@code folders} and those they add. */
  static CliHarness withFolders(Path workingDirectory, List<Path> folders) {
    return opening(workingDirectory, folders);
  }

  private static CliHarness opening(Path workingDirectory, List<Path> folders) {
    return new CliHarness(
        workingDirectory,
        extra -> {
          List<Path> all = new ArrayList<>(folders);
          all.addAll(extra);
          return PluginFolder.open(all, CliHarness.class.getClassLoader());
        });
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
