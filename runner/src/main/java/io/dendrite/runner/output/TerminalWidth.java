package io.dendrite.runner.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the terminal has, so that a progress line never wraps (a wrapped line cannot be
 * redrawn in place): {@code COLUMNS} when the shell exported it, else {@code stty size} on the
 * controlling terminal, else 80.
 */
public final class TerminalWidth {
  /** What a terminal that says nothing is taken to have. */
  public static final int DEFAULT = 80;

  private TerminalWidth() {}

  /** The terminal's width now; it is read again each time, as a window can be resized. */
  public static int columns() {
    String env = System.getenv("COLUMNS");
    if (env != null) {
      try {
        int n = Integer.parseInt(env.trim());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Not a number: ask the terminal.
      }
    }
    return stty().orElse(DEFAULT);
  }

  private static java.util.OptionalInt stty() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return java.util.OptionalInt.empty();
    }
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return java.util.OptionalInt.empty();
      }
      String[] rowsColumns = out.split("\\s+");
      int n = Integer.parseInt(rowsColumns[rowsColumns.length - 1]);
      return n > 0 ? java.util.OptionalInt.of(n) : java.util.OptionalInt.empty();
    } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return java.util.OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.OptionalInt.empty();
    }
  }
}
