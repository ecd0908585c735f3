package io.dendrite.runner.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an experiment, printed as {@code FILE:LINE:COL: path.to.field: message}.
 *
 * @param path the field concerned, or {@code ""} for the file as a whole
 * @param message what is wrong; may continue on further lines (a snippet of the file)
 */
public record ConfigProblem(Position position, String path, String message) {
  /** File order: by line and column, command-line overrides after the file. */
  public static final Comparator<ConfigProblem> IN_FILE_ORDER =
      Comparator.comparing((ConfigProblem p) -> !p.position().hasLine())
          .thenComparingInt(p -> p.position().line())
          .thenComparingInt(p -> p.position().column());

  public ConfigProblem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return position + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
