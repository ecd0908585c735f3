package io.dendrite.runner.yaml;

import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.Position;
import java.util.Locale;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Refuses, before SnakeYAML reads the text, what it would report without a position or handle in
 * quadratic time: characters YAML does not allow (a NUL, other control characters) and very long
 * lines.
 *
 * <p>SnakeYAML's reader copies its whole look-ahead window each time it needs more of a token, so
 * one 0.9 MB word costs more than a gigabyte of copying; lines of at most {@value #MAX_LINE}
 * characters keep that small, and no experiment file needs longer ones.
 */
final class CharacterCheck {
  /** The longest line accepted, in characters. */
  static final int MAX_LINE = 10_000;

  private CharacterCheck() {}

  /**
   * Throws a {@link ConfigException} at the first refused character or over-long line; {@code
   * position} turns a 1-based line and column into the position to report.
   */
  static void check(String text, BiFunction<Integer, Integer, Position> position) {
    int line = 1;
    int column = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
        line++;
        column = 0;
        continue;
      }
      if (c == '\r') {
        continue; // the CR of a CR LF: the LF ends the line, and neither is a column
      }
      column++;
      if (!StreamReader.isPrintable(c)) {
        throw ConfigException.of(position.apply(line, column), "", refused(c));
      }
      if (column > MAX_LINE) {
        throw ConfigException.of(
            position.apply(line, column),
            "",
            "this line is longer than "
                + MAX_LINE
                + " characters; refused (experiment files have short lines: was a whole file"
                + " pasted into a value?)");
      }
    }
  }

  private static String refused(int c) {
    String name =
        switch (c) {
          case 0 -> "U+0000 (NUL)";
          default -> String.format(Locale.ROOT, "U+%04X", c);
        };
    String hint =
        c == 0
            ? " (is this a binary file, or text saved as UTF-16? save it as UTF-8)"
            : " (control characters cannot be written in YAML; remove it)";
    return "the character " + name + " is not allowed in YAML" + hint;
  }
}
