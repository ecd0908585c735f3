package io.dendrite.spark.sweep;

import io.dendrite.runner.sweep.TrialOutcome;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * What a trial gave on an executor, with the files of its run directory (relative path to bytes),
 * which the driver writes into the sweep's folder.
 *
 * @param error null when the trial succeeded
 */
record ShippedOutcome(
    int index,
    Map<String, Double> metrics,
    int epochs,
    double seconds,
    String error,
    Map<String, byte[]> files)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  TrialOutcome outcome() {
    return new TrialOutcome(index, metrics, epochs, seconds, Optional.ofNullable(error));
  }
}
