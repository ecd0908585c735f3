package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginProblem;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.runner.plugins.InstalledPlugins;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dendrite plugins doctor}: every problem in every plugin folder; fails when there is one.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check every plugin folder: list the folders looked in and every problem with a plugin jar"
          + " (not a jar, class missing, compiled for a newer Java, a dependency missing,"
          + " dendrite-core bundled, an invalid or duplicate id, ...).",
      "Exits 1 when there is a problem, 0 otherwise."
    })
final class PluginsDoctorCommand implements Callable<Integer> {
  static final int PROBLEMS = 1;

  private final CliEnvironment env;

  @Mixin PluginsOption plugins;

  @Mixin DebugOption debug;

  PluginsDoctorCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (InstalledPlugins installed = env.openPlugins(plugins.resolve(env))) {
      PluginRegistry registry = installed.registry();
      PrintWriter out = env.out();
      out.println("plugin folders");
      for (Path folder : installed.searched()) {
        out.println("  " + folder + "  " + contents(folder));
      }
      long fromJars =
          registry.plugins().stream().filter(p -> fromFolder(p, installed.searched())).count();
      out.println(
          registry.plugins().size() + " plugins, " + fromJars + " of them from plugin folders");
      List<PluginProblem> problems = registry.problems();
      if (problems.isEmpty()) {
        out.println("no problems");
      } else {
        out.println(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        problems.forEach(p -> out.println("  " + p));
      }
      out.flush();
      return problems.isEmpty() ? 0 : PROBLEMS;
    }
  }

  private static boolean fromFolder(RegisteredPlugin p, List<Path> folders) {
    return folders.stream().anyMatch(f -> p.source().startsWith(f.toString()));
  }

  /** {@code 3 jars}, {@code a jar}, {@code absent}. */
  private static String contents(Path folder) {
    if (Files.isRegularFile(folder)) {
      return "(a jar)";
    }
    if (!Files.isDirectory(folder)) {
      return "(absent)";
    }
    try (Stream<Path> files = Files.list(folder)) {
      long jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).count();
      return "(" + jars + (jars == 1 ? " jar)" : " jars)");
    } catch (IOException e) {
      return "(cannot be listed: " + e.getMessage() + ")";
    }
  }
}
