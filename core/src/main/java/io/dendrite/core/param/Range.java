package io.dendrite.core.param;

import java.util.Optional;

/**
 * Bounds on a number, each inclusive or not; a null bound is no bound.
 *
 * @param min the smallest value, or null
 * @param max the largest value, or null
 */
public record Range(Double min, boolean minInclusive, Double max, boolean maxInclusive) {
  /** No bounds at all. */
  public static final Range ANY = new Range(null, true, null, true);

  /** This range with a lower bound. */
  public Range withMin(double bound, boolean inclusive) {
    return new Range(bound, inclusive, max, maxInclusive);
  }

  /** This range with an upper bound. */
  public Range withMax(double bound, boolean inclusive) {
    return new Range(min, minInclusive, bound, inclusive);
  }

  /** Why {@code v} is outside the range, or empty when it is inside. */
  public Optional<String> problem(double v) {
    boolean belowMin = min != null && (minInclusive ? v < min : v <= min);
    boolean aboveMax = max != null && (maxInclusive ? v > max : v >= max);
    if (belowMin || aboveMax) {
      return Optional.of("must be " + text() + ", found " + format(v));
    }
    return Optional.empty();
  }

  /** The range in words, e.g. {@code > 0 and <= 1}; empty when unbounded. */
  public String text() {
    StringBuilder s = new StringBuilder();
    if (min != null) {
      s.append(minInclusive ? ">= " : "> ").append(format(min));
    }
    if (max != null) {
      if (s.length() > 0) {
        s.append(" and ");
      }
      s.append(maxInclusive ? "<= " : "< ").append(format(max));
    }
    return s.toString();
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
