package io.dendrite.runner.config;

import java.util.Objects;

/**
 * Where a configuration value was written. A line and column of a file, both counted from 1, or a
 * command-line override.
 *
 * @param source the file as the user named it, or a description of the override
 * @param line 1-based, or 0 when the source has no lines (an override, the file as a whole)
 * @param column 1-based, or 0 with {@code line}
 */
public record Position(String source, int line, int column) {
  public Position {
    Objects.requireNonNull(source, "source");
  }

  /** A line and column in {@code file}. */
  public static Position of(String file, int line, int column) {
    return new Position(file, line, column);
  }

  /** The file as a whole, for problems that have no line (empty file, not UTF-8). */
  public static Position file(String file) {
    return new Position(file, 0, 0);
  }

  /** A value given on the command line as {@code argument} ({@code training.epochs=5}). */
  public static Position override(String argument) {
    return new Position("override '" + argument + "'", 0, 0);
  }

  /** True when this points into a file's text. */
  public boolean hasLine() {
    return line > 0;
  }

  /** {@code FILE:LINE:COL}, the form editors and terminals turn into links. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
