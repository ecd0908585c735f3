package io.dendrite.runner.report;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the report shows them: rounded to what a reader compares, never a long tail. */
final class Figures {
  private Figures() {}

  /**
   * {@code v} with four decimals, as the console prints metrics; very large or very small values in
   * scientific notation, so that a diverged loss or a tiny learning rate stays short and readable.
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a != 0 && a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
  }

  /** A count held as a double (a confusion matrix cell): whole, as it is one. */
  static String count(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  /** {@code fraction} as a percentage with one decimal. */
  static String percent(double fraction) {
    return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "n/a";
  }

  /** Seconds below a minute with a decimal ({@code 8.3 s}), longer ones in minutes and hours. */
  static String duration(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %d min", seconds / 3600, seconds % 3600 / 60);
  }
}
