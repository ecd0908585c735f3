package io.dendrite.runner.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers never see it half-written. The text goes to a temporary file in the
 * same folder, is flushed to disk, then renamed over the target.
 */
public final class AtomicFileWriter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFileWriter() {}

  /** Replaces {@code target} with {@code text} in UTF-8. */
  public static void write(Path target, String text) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would carry over to the result files.
    Path temp =
        folder.resolve(
            "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
