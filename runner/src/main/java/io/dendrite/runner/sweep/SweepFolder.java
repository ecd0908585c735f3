package io.dendrite.runner.sweep;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.output.IoProblems;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The folder of a sweep: {@code runs/<name>/sweep-<timestamp>/}, one trial folder per trial. */
public final class SweepFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_SUFFIX = 1000;

  private SweepFolder() {}

  /** A new folder {@code sweep-<timestamp>} under {@code runs/<name>}. */
  public static Path createNew(Path runs, String name, Clock clock) {
    Path parent = runs.resolve(name);
    String stamp = "sweep-" + LocalDateTime.now(clock).format(STAMP);
    try {
      Files.createDirectories(parent);
      for (int i = 1; i <= MAX_SUFFIX; i++) {
        Path candidate = parent.resolve(i == 1 ? stamp : stamp + "-" + i);
        try {
          return Files.createDirectory(candidate);
        } catch (FileAlreadyExistsException e) {
          // Another sweep started in the same second: try the next suffix.
        }
      }
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "cannot create a sweep folder under " + parent + ": " + e,
          e);
    }
    throw new DendriteException(
        DendriteException.Kind.RUNTIME, "too many sweeps named " + stamp + " in " + parent);
  }

  /** The folder {@code dir} given with {@code --out}: refused when it holds an earlier sweep. */
  public static Path claim(Path dir) {
    if (Files.exists(dir.resolve(SweepResults.CSV))) {
      throw DendriteException.config(
          "--out "
              + dir
              + " already holds a sweep ("
              + SweepResults.CSV
              + "); choose another folder");
    }
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw DendriteException.config("cannot create --out " + dir + ": " + IoProblems.describe(e));
    }
  }
}
