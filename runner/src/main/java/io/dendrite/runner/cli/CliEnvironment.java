package io.dendrite.runner.cli;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.Position;
import io.dendrite.runner.plugins.PluginFolder;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from the outside world. Tests run the commands in-process with their own
 * streams, folder, clock and plugins.
 *
 * @param plugins discovers plugins when first asked, after {@code --debug} took effect
 * @param workingDirectory relative files and {@code runs/} are resolved against it
 * @param terminal true when standard output is a terminal (progress bar)
 * @param userFolder the user's Dendrite folder, {@code ~/.dendrite}: downloaded data sets go in its
 *     {@code datasets/}
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    Supplier<PluginRegistry> plugins,
    Path workingDirectory,
    Clock clock,
    boolean terminal,
    Path userFolder) {
  public CliEnvironment {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    plugins = once(plugins);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(clock, "clock");
    userFolder = userFolder.toAbsolutePath().normalize();
  }

  /** Where downloaded data sets are kept. */
  public Path cacheFolder() {
    return userFolder.resolve("datasets");
  }

  /**
   * The real process: standard streams, current folder, system clock, and the plugins of the class
   * path and of the {@code plugins/} folders: the one in Dendrite's home (the launcher passes it as
   * {@code dendrite.home}) and the one in the current folder. The jars stay open while the process
   * runs.
   */
  public static CliEnvironment system() {
    List<Path> folders = new ArrayList<>();
    String home = System.getProperty("dendrite.home");
    if (home != null && !home.isBlank()) {
      folders.add(Path.of(home, "plugins"));
    }
    folders.add(Path.of("plugins"));
    return new CliEnvironment(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        () -> PluginFolder.open(folders, CliEnvironment.class.getClassLoader()).discover(),
        Path.of(""),
        Clock.systemDefaultZone(),
        stdoutIsTerminal(),
        Path.of(System.getProperty("user.home"), ".dendrite"));
  }

  /**
   * Whether standard output is a terminal. Up to JDK 21 that is {@code System.console() != null};
   * from JDK 22 a console exists even when output is redirected, and {@code Console.isTerminal()}
   * (looked up reflectively, as the build targets 17) says it.
   */
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17 to 21: a console means a terminal
    }
  }

  /**
   * {@code argument}, a path as the user typed it, resolved against the working directory.
   *
   * @throws ConfigException when it is not a valid path
   */
  public Path resolve(String argument) {
    try {
      return workingDirectory.resolve(argument).normalize();
    } catch (InvalidPathException e) {
      throw ConfigException.of(Position.file(argument), "", "not a valid path: " + e.getMessage());
    }
  }

  /** {@code path} relative to the working directory when inside it, for shorter messages. */
  public String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory)
        ? workingDirectory.relativize(absolute).toString()
        : absolute.toString();
  }

  private static Supplier<PluginRegistry> once(Supplier<PluginRegistry> discover) {
    Objects.requireNonNull(discover, "plugins");
    return new Supplier<>() {
      private PluginRegistry registry;

      @Override
      public synchronized PluginRegistry get() {
        if (registry == null) {
          registry = discover.get();
        }
        return registry;
      }
    };
  }
}
