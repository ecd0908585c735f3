package io.dendrite.runner.output;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.output.RunRecord.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder a run writes to, locked while the run is in progress, with the run's status in {@code
 * run.json}.
 *
 * <p>The lock is the operating system's ({@link FileChannel#tryLock()} on {@code .lock}): of two
 * runs started on the same folder exactly one proceeds, and when a process dies, even by {@code
 * kill -9}, the system releases its lock, so the folder can be resumed or rerun with no clean-up.
 * The status says {@code running} while training, then {@code completed}, {@code failed} (with the
 * error) or {@code interrupted} (Ctrl-C); a {@code running} left by a dead process reads as
 * interrupted.
 */
public final class RunDirectory implements AutoCloseable {
  /** The name of the lock file inside a run directory. */
  public static final String LOCK = ".lock";

  /** The run's metrics, rewritten after every epoch. */
  public static final String METRICS_JSON = "metrics.json";

  /** The folder of a run's checkpoints. */
  public static final String CHECKPOINTS = "checkpoints";

  /** The trained model. */
  public static final String MODEL = "model.safetensors";

  private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_SUFFIX = 1000;

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<RunRecord> previous;
  private final Clock clock;
  private final Thread onShutdown = new Thread(this::interrupted, "dendrite-run-interrupted");
  private RunRecord record;
  private boolean hooked;

  private RunDirectory(
      Path path, FileChannel channel, FileLock lock, Optional<RunRecord> previous, Clock clock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.previous = previous;
    this.clock = clock;
  }

  /**
   * A new folder {@code <name>/<timestamp>} under {@code runs}. {@code -2}, {@code -3}, ... are
   * appended when a run started in the same second.
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
          return locked(candidate, Optional.empty(), clock);
        } catch (FileAlreadyExistsException e) {
          // Another run took this name in the same second: try the next suffix.
        }
      }
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "cannot create a run directory under " + parent + ": " + IoProblems.describe(e),
          e);
    }
    throw new DendriteException(
        DendriteException.Kind.RUNTIME, "too many runs named " + stamp + " in " + parent);
  }

  /**
   * The folder {@code dir} given with {@code --out}, created if needed, for a run from the start.
   * It is refused when it holds a completed run or another run is writing to it; a run that stopped
   * there before (failed, interrupted, killed) is started over.
   */
  public static RunDirectory claim(Path dir, Clock clock) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw DendriteException.config("--out " + dir + " is a file, not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw DendriteException.config("cannot create --out " + dir + ": " + IoProblems.describe(e));
    }
    RunDirectory run = locked(dir, Optional.empty(), clock);
    try {
      Optional<RunRecord> before = RunRecord.readFrom(dir);
      if (before.map(r -> r.status() == Status.COMPLETED).orElse(false)
          || before.isEmpty() && Files.exists(dir.resolve(METRICS_JSON))) {
        throw DendriteException.config(
            "--out "
                + dir
                + " already holds the results of a completed run; choose another folder or delete"
                + " it");
      }
      return new RunDirectory(
          dir, run.channel, run.lock, before.map(RunDirectory::seenDead), clock);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  /**
   * The run directory {@code dir} of a run that stopped before its end, to continue it.
   *
   * @throws DendriteException of kind config when it is not a run directory, its run completed, or
   *     another process is writing to it
   */
  public static RunDirectory forResume(Path dir, Clock clock) {
    if (!Files.isDirectory(dir)) {
      throw DendriteException.config(dir + " is not a folder; give the run directory to resume");
    }
    RunDirectory run = locked(dir, Optional.empty(), clock);
    try {
      Optional<RunRecord> before = RunRecord.readFrom(dir);
      if (before.isEmpty()) {
        throw DendriteException.config(
            dir + " is not a run directory (it has no " + RunRecord.FILE + ")");
      }
      if (before.get().status() == Status.COMPLETED) {
        throw DendriteException.config(
            "the run in "
                + dir
                + " completed; there is nothing to resume (evaluate its "
                + MODEL
                + ", or run the experiment again)");
      }
      return new RunDirectory(
          dir, run.channel, run.lock, before.map(RunDirectory::seenDead), clock);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  /** A record that says running while this process holds the lock was left by a dead process. */
  private static RunRecord seenDead(RunRecord r) {
    return r.status() == Status.RUNNING ? r.with(Status.INTERRUPTED, r.updated(), r.error()) : r;
  }

  private static RunDirectory locked(Path dir, Optional<RunRecord> previous, Clock clock) {
    Path file = dir.resolve(LOCK);
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another run in this process
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw DendriteException.config(
            "another run"
                + holder
                + " is writing to "
                + dir
                + "; two runs cannot share a run directory. Wait for it to finish, or give another"
                + " folder");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
          0);
      return new RunDirectory(dir, channel, lock, previous, clock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot lock " + file + ": " + e, e);
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
      return text.startsWith("pid ") ? " (process " + text.substring(4) + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  public Path path() {
    return path;
  }

  /** What the folder's record said before this run took it, if there was one. */
  public Optional<RunRecord> previous() {
    return previous;
  }

  /** The folder of checkpoints. */
  public Path checkpoints() {
    return path.resolve(CHECKPOINTS);
  }

  /**
   * Records that the run started (or continues from {@code resumedFrom}); from now until {@link
   * #completed} or {@link #failed}, the process ending marks it interrupted.
   */
  public synchronized void started(
      String experiment, String version, Optional<String> resumedFrom) {
    String now = now();
    record =
        new RunRecord(
            Status.RUNNING,
            experiment,
            ProcessHandle.current().pid(),
            version,
            previous.filter(r -> resumedFrom.isPresent()).map(RunRecord::started).orElse(now),
            now,
            Optional.empty(),
            resumedFrom);
    record.writeTo(path);
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(onShutdown);
      hooked = true;
    }
  }

  /** Records that the run finished. */
  public synchronized void completed() {
    finish(Status.COMPLETED, Optional.empty());
  }

  /** Records that the run failed with {@code message}. */
  public synchronized void failed(String message) {
    finish(Status.FAILED, Optional.of(message));
  }

  private synchronized void interrupted() {
    if (record != null && record.status() == Status.RUNNING) {
      try {
        record = record.with(Status.INTERRUPTED, now(), Optional.empty());
        record.writeTo(path);
        // Straight to the stream: logging may already be shut down by its own hook.
        System.err.println(
            "interrupted: "
                + path
                + " is recorded as interrupted; continue it from its last checkpoint with:"
                + " dendrite resume "
                + path);
        System.err.flush();
      } catch (RuntimeException e) {
        log.warn("could not record the interruption in {}: {}", path, e.getMessage());
      }
    }
  }

  private void finish(Status status, Optional<String> error) {
    if (record == null) {
      return;
    }
    record = record.with(status, now(), error);
    record.writeTo(path);
  }

  private String now() {
    return LocalDateTime.now(clock).withNano(0).toString();
  }

  /** Releases the lock; the lock file stays (removing it could let two runs in). */
  @Override
  public synchronized void close() {
    if (hooked) {
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook records the interruption.
      }
      hooked = false;
    }
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      log.warn("could not release the lock on {}: {}", path.resolve(LOCK), e.toString());
    }
  }
}
