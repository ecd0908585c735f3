package io.dendrite.core.model;

import io.dendrite.core.DendriteException;
import java.nio.file.Path;

/** The error for a model file that cannot be read: which file, what is wrong, what to do. */
final class ModelFileRefusal {
  static final String RESAVE = "the file is damaged or not a Dendrite model; re-save it";

  /** Names, tensor names and dtypes come from the file: long ones are cut short in messages. */
  private static final int QUOTED_CHARS = 80;

  private ModelFileRefusal() {}

  /** A refusal whose remedy is to save the file again. */
  static DendriteException of(Path file, String problem) {
    return of(file, problem, RESAVE);
  }

  static DendriteException of(Path file, String problem, String remedy) {
    return DendriteException.data(file + ": " + problem + "; " + remedy);
  }

  static DendriteException of(Path file, String problem, Throwable cause) {
    return DendriteException.data(file + ": " + problem + "; " + RESAVE, cause);
  }

  /** {@code text} in single quotes, shortened when it is long. */
  static String quote(String text) {
    return text.length() <= QUOTED_CHARS
        ? "'" + text + "'"
        : "'" + text.substring(0, QUOTED_CHARS) + "…' (" + text.length() + " characters)";
  }

  /** {@code text}, or its start and its length when it is long. */
  static String shorten(String text) {
    return text.length() <= QUOTED_CHARS
        ? text
        : text.substring(0, QUOTED_CHARS) + "… (" + text.length() + " characters)";
  }
}
