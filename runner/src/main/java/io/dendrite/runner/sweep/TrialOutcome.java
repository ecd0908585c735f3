package io.dendrite.runner.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one trial gave: its measurements, or the error that stopped it. Plain values only: an engine
 * brings it back from another machine.
 *
 * @param index the trial's index
 * @param metrics {@code loss}, {@code accuracy}, {@code val_loss}, {@code test_accuracy}, ... of
 *     the last epoch and the test, at full precision
 * @param epochs epochs trained
 * @param seconds wall time of the trial
 * @param error why the trial failed; empty when it succeeded
 */
public record TrialOutcome(
    int index, Map<String, Double> metrics, int epochs, double seconds, Optional<String> error) {
  public TrialOutcome {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A trial that stopped with {@code error}. */
  public static TrialOutcome failed(int index, double seconds, String error) {
    return new TrialOutcome(index, Map.of(), 0, seconds, Optional.of(error));
  }

  public boolean succeeded() {
    return error.isEmpty();
  }

  /** The value of {@code metric}, NaN when it was not measured or the trial failed. */
  public double metric(String metric) {
    Double v = metrics.get(metric);
    return v == null ? Double.NaN : v;
  }
}
