package io.dendrite.runner.sweep;

import java.util.List;
import java.util.Optional;

/**
 * The {@code sweep:} section of an experiment file: which parameters vary, how, and what ranks the
 * trials.
 *
 * @param method every combination ({@code grid}) or {@code trials} drawn at random
 * @param metric what ranks the trials: {@code val_accuracy}, {@code test_loss}, {@code loss}, ...
 * @param goal {@code max} or {@code min}; empty: from the metric (losses are minimized)
 * @param trials how many random trials; 0 for a grid
 */
public record SweepSpec(
    Method method,
    String metric,
    Optional<String> goal,
    int trials,
    List<SweptParameter> parameters) {
  /** How trials are chosen. */
  public enum Method {
    GRID,
    RANDOM
  }

  public SweepSpec {
    parameters = List.copyOf(parameters);
  }
}
