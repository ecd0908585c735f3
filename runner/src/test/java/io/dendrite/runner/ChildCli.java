package io.dendrite.runner;

import io.dendrite.runner.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as scripts use it: {@code dendrite} in a {@code java} process of its own, on the
 * test class path (the real plugins), in a given folder.
 */
public final class ChildCli {
  /** What a finished command printed and returned. */
  public record Outcome(int exitCode, String out, String err) {}

  private final Path folder;
  private final List<String> jvmOptions;
  private final Path java;

  public ChildCli(Path folder) {
    this(folder, List.of());
  }

  /** Children started with {@code jvmOptions} ({@code -Dname=value}) before the main class. */
  public ChildCli(Path folder, List<String> jvmOptions) {
    this(folder, jvmOptions, Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** Children started by the {@code java} launcher {@code java}, of another JDK for instance. */
  public ChildCli(Path folder, List<String> jvmOptions, Path java) {
    this.folder = folder;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.java = java;
  }

  /** Starts {@code dendrite args...}; its output goes to {@code name.out} and {@code name.err}. */
  public Process start(String name, String... args) throws IOException {
    return start(name, List.of(), args);
  }

  /**
   * Like {@link #start(String, String...)}, with Ctrl-C's signal (SIGINT) handled as a terminal
   * does even when this process ignores it, as commands started in the background by a script do
   * (and their children inherit): {@code env --default-signal} (GNU coreutils 8.31 and later).
   */
  public Process startInterruptible(String name, String... args) throws IOException {
    return start(name, List.of("env", "--default-signal=INT"), args);
  }

  /** True when {@link #startInterruptible} can work here. */
  public static boolean canStartInterruptible() {
    try {
      Process p = new ProcessBuilder("env", "--default-signal=INT", "true").start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Process start(String name, List<String> launcher, String... args) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(java.toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmOptions);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(folder.resolve(name + ".out").toFile())
            .redirectError(folder.resolve(name + ".err").toFile())
            .start();
    p.getOutputStream().close();
    return p;
  }

  /** Runs {@code dendrite args...} to its end. */
  public Outcome run(String... args) throws IOException, InterruptedException {
    Process p = start("dendrite", args);
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      String threads = threadDump(p);
      p.destroyForcibly();
      throw new AssertionError(
          "dendrite "
              + String.join(" ", args)
              + " did not finish in 3 minutes; its threads:\n"
              + threads
              + "\nits output:\n"
              + outcome("dendrite", -1));
    }
    return outcome("dendrite", p.exitValue());
  }

  /** The threads of a process that hangs, from jstack, for the failure message. */
  private static String threadDump(Process p) {
    try {
      Process jstack =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                  Long.toString(p.pid()))
              .redirectErrorStream(true)
              .start();
      String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jstack.waitFor(1, TimeUnit.MINUTES);
      return dump;
    } catch (IOException | InterruptedException e) {
      return "(no thread dump: " + e + ")";
    }
  }

  /** What the process started as {@code name} printed, with its exit code. */
  public Outcome outcome(String name, int exitCode) throws IOException {
    return new Outcome(
        exitCode,
        Files.readString(folder.resolve(name + ".out"), StandardCharsets.UTF_8),
        Files.readString(folder.resolve(name + ".err"), StandardCharsets.UTF_8));
  }
}
