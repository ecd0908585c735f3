package io.dendrite.runner.cli;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.Position;
import io.dendrite.runner.plugins.InstalledPlugins;
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
import java.util.function.Function;

/**
 * What the commands need from the outside world. Tests run the commands in-process with their own
 * streams, folder, clock and plugins.
 *
 * @param plugins opens the plugins of a command, given the plugin folders it adds ({@code
 *     --plugins}, the experiment's {@code plugins:}) to the standard ones; called when the command
 *     runs, after {@code --debug} took effect, and closed by the command when it is done
 * @param workingDirectory relative files and {@code runs/} are resolved against it
 * @param terminal true when standard output is a terminal (progress bar)
 * @param userFolder the user's Dendrite folder, {@code ~/.dendrite}: downloaded data sets go in its
 *     {@code datasets/}
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    Function<List<Path>, InstalledPlugins> plugins,
    Path workingDirectory,
    Clock clock,
    boolean terminal,
    Path userFolder) {
  public CliEnvironment {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(plugins, "plugins");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    Objects.requireNonNull(clock, "clock");
    userFolder = userFolder.toAbsolutePath().normalize();
  }

  /** The plugins of a command that adds {@code extraFolders} to the standard plugin folders. */
  public InstalledPlugins openPlugins(List<Path> extraFolders) {
    return plugins.apply(List.copyOf(extraFolders));
  }

  /** Where downloaded data sets are kept. */
  public Path cacheFolder() {
    return userFolder.resolve("datasets");
  }

  /**
   * The real process: standard streams, current folder, system clock, and the plugins of the class
   * path and of the {@link #standardPluginFolders plugin folders}.
   */
  public static CliEnvironment system() {
    Path userFolder = Path.of(System.getProperty("user.home"), ".dendrite");
    List<Path> standard =
        standardPluginFolders(System.getProperty("dendrite.home"), Path.of(""), userFolder);
    ClassLoader framework = CliEnvironment.class.getClassLoader();
    return new CliEnvironment(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        extra -> PluginFolder.open(concat(standard, extra), framework),
        Path.of(""),
        Clock.systemDefaultZone(),
        stdoutIsTerminal(),
        userFolder);
  }

  /**
   * Where plugin jars are looked for, in order: {@code plugins/} in Dendrite's home (the launcher
   * passes it as {@code dendrite.home}; null when not set), in the working folder, and in the
   * user's Dendrite folder ({@code ~/.dendrite/plugins}).
   */
  public static List<Path> standardPluginFolders(String home, Path workingDirectory, Path user) {
    List<Path> folders = new ArrayList<>();
    if (home != null && !home.isBlank()) {
      folders.add(Path.of(home, "plugins"));
    }
    folders.add(workingDirectory.resolve("plugins"));
    folders.add(user.resolve("plugins"));
    return folders;
  }

  private static List<Path> concat(List<Path> first, List<Path> then) {
    List<Path> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
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
}
