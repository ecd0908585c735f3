package io.dendrite.runner.output;

import io.dendrite.core.DendriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder a run writes to, held with a lock file while the run is in progress.
 *
 * <p>The lock is created with {@code CREATE_NEW}, which the file system performs atomically, so of
 * two runs started on the same folder exactly one proceeds. It is removed on {@link #close()} and
 * by a shutdown hook on Ctrl-C; after a hard kill it stays, and the message says to delete it.
 */
public final class RunDirectory implements AutoCloseable {
  /** The name of the lock file inside a run directory. */
  public static final String LOCK = ".lock";

  /** Present once a run has written results; a folder holding it is not reused. */
  public static final String METRICS_JSON = "metrics.json";

  private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_SUFFIX = 1000;

  private final Path path;
  private final Path lock;
  private final Thread cleanup;

  private RunDirectory(Path path) {
    this.path = path;
    this.lock = path.resolve(LOCK);
    this.cleanup = new Thread(this::deleteLock, "dendrite-run-lock-cleanup");
  }

  /**
   * A new folder {@code <name>/<timestamp>} under {@code runs}. {@code -2}, {@code -3}, ... are
   * appended when a run started in the same second. appended when a run started in the same second.
   */
  public static RunDirectory createNew(Path runs, String name, Clock clock) {
    Path parent = runs.resolve(name);
    String stamp = LocalDateTime.now(clock).format(STAMP);
    try {
      Files.createDirectories(parent);
      for (int i = 1; i <= MAX_SUFFIX; i++) {
        Path candidate = parent.resolve(i == 1 ? stamp : stamp + "-" + i);
        try {
          Files.createDirectory(candidate);
          return locked(candidate);
        } catch (FileAlreadyExistsException e) {
          // Another run took this name in the same second: try the next suffix.
        }
      }
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "cannot create a run directory under " + parent + ": " + e,
          e);
    }
    throw new DendriteException(
        DendriteException.Kind.RUNTIME, "too many runs named " + stamp + " in " + parent);
  }

  /**
   * The folder {@code dir} given with {@code --out}, created if needed. It is refused when it holds
   * the results of an earlier run or another run is writing to it.
   */
  public static RunDirectory claim(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw DendriteException.config("--out " + dir + " is a file, not a folder");
    }
    if (Files.exists(dir.resolve(METRICS_JSON))) {
      throw DendriteException.config(
          "--out "
              + dir
              + " already holds the results of a run ("
              + METRICS_JSON
              + "); choose another folder or delete it");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw DendriteException.config("cannot create --out " + dir + ": " + e);
    }
    return locked(dir);
  }

  private static RunDirectory locked(Path dir) {
    RunDirectory run = new RunDirectory(dir);
    try {
      Files.createFile(run.lock);
    } catch (FileAlreadyExistsException e) {
      throw DendriteException.config(
          "another run is writing to "
              + dir
              + " (lock file "
              + run.lock
              + "); two runs cannot share a run directory. Wait for it to finish, or delete the"
              + " lock file if no run is active");
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot create the lock file " + run.lock + ": " + e, e);
    }
    try {
      Files.writeString(
          run.lock, "pid " + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.debug("could not write the process id into {}: {}", run.lock, e.toString());
    }
    Runtime.getRuntime().addShutdownHook(run.cleanup);
    return run;
  }

  public Path path() {
    return path;
  }

  /** Removes the lock. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook removes the lock.
    }
    deleteLock();
  }

  private void deleteLock() {
    try {
      Files.deleteIfExists(lock);
    } catch (IOException e) {
      log.warn("could not remove the lock file {}: {}", lock, e.toString());
    }
  }
}
