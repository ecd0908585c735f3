package io.dendrite.core.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file whole or not at all, so that a crash never leaves a half-written file under the
 * target's name.
 */
final class AtomicFiles {
  /** What goes into the new file. */
  @FunctionalInterface
  interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary file next to {@code target}, flushes it to the disk and
   * renames it over {@code target}; on failure the temporary file is removed and {@code target} is
   * as it was.
   */
  static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    // Not Files.createTempFile: its owner-only permissions would carry over to the model file.
    Path temp =
        folder.resolve(
            "."
                + absolute.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(channel);
        CrashPoint.partlyWritten(channel, absolute);
        channel.force(true);
      }
      CrashPoint.at(CrashPoint.BEFORE_RENAME, absolute);
      // No fallback to a plain move: within one folder every file system Dendrite runs on renames
      // atomically, and a non-atomic replacement is what this class exists to avoid.
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      CrashPoint.at(CrashPoint.AFTER_RENAME, absolute);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    forceFolder(folder);
  }

  /** Makes the rename itself durable: without it a crash may bring back the old file. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a folder as a channel; the rename is done either way.
    }
  }
}
