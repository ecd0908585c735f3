package io.dendrite.core.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Places in the replacement of a file where a crash test may stop the process dead, as a power cut
 * or {@code kill -9} would: nothing runs after it, not even shutdown hooks.
 *
 * <p>Off unless the system property {@value #PROPERTY} is {@code POINT:FILE_NAME}, for example
 * {@code before-rename:epoch-0002.safetensors}; the process then halts with exit code {@value
 * #EXIT_CODE} when it reaches that point while writing that file.
 */
final class CrashPoint {
  /** The system property that names the point and the file. */
  static final String PROPERTY = "dendrite.test.crash";

  /** The exit code of a process stopped at a crash point. */
  static final int EXIT_CODE = 86;

  /** Half the new content is written and on the disk, under the temporary name. */
  static final String PARTLY_WRITTEN = "partly-written";

  /** All the content is written and forced, not yet renamed over the target. */
  static final String BEFORE_RENAME = "before-rename";

  /** Renamed over the target; the folder not yet forced. */
  static final String AFTER_RENAME = "after-rename";

  private static final String CHOSEN = System.getProperty(PROPERTY, "");

  private CrashPoint() {}

  /** Halts the process if the test chose {@code point} for {@code target}. */
  static void at(String point, Path target) {
    if (chosen(point, target)) {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  /** Cuts the content written to {@code channel} to half and halts, if the test chose so. */
  static void partlyWritten(FileChannel channel, Path target) throws IOException {
    if (chosen(PARTLY_WRITTEN, target)) {
      channel.truncate(channel.size() / 2);
      channel.force(true);
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  private static boolean chosen(String point, Path target) {
    return !CHOSEN.isEmpty() && CHOSEN.equals(point + ":" + target.getFileName());
  }
}
