package io.dendrite.runner.cli;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.history.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dendrite runs [FOLDER]}: the runs under a folder, oldest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "List the runs under FOLDER (runs/ by default, sweeps' trials included): name, status,"
          + " start, training time and the headline test metric.",
      "A run that says running but whose directory is no longer locked was killed: interrupted."
    })
final class RunsCommand implements Callable<Integer> {
  /** Deep enough for runs/NAME/STAMP and runs/NAME/sweep-STAMP/trial-001. */
  private static final int DEPTH = 4;

  private final CliEnvironment env;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FOLDER",
      description = "Where the runs are (default: runs).")
  String folder = "runs";

  @Mixin DebugOption debug;

  RunsCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path root = env.resolve(folder);
    if (!Files.isDirectory(root)) {
      throw DendriteException.config(folder + " is not a folder (no runs there yet?)");
    }
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(root, DEPTH)) {
      dirs = walk.filter(Files::isDirectory).filter(RunSummary::isRun).sorted().toList();
    } catch (IOException e) {
      throw DendriteException.data("cannot list " + root + ": " + e.getMessage(), e);
    }
    if (dirs.isEmpty()) {
      env.out().println("no runs in " + folder);
      env.out().flush();
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("run", "experiment", "status", "started", "epochs", "time", "test"));
    for (Path dir : dirs) {
      RunSummary s = RunSummary.read(dir);
      rows.add(
          List.of(
              root.relativize(dir).toString(),
              s.experiment(),
              s.status().id(),
              s.started() == null ? "-" : s.started(),
              Integer.toString(s.epochs()),
              duration(s.seconds()),
              s.headline()
                  .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.4f", e.getValue()))
                  .orElse("-")));
    }
    env.out().print(TextTable.format(rows, ""));
    env.out().printf("%d %s%n", dirs.size(), dirs.size() == 1 ? "run" : "runs");
    env.out().flush();
    return 0;
  }

  /** {@code 4.2s}, {@code 3m 05s}, {@code 1h 02m}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
  }
}
