package io.dendrite.core.spi;

import io.dendrite.core.tensor.Matrix;

/**
 * A quality measure accumulated over mini-batches: reset, update per batch, read the result.
 *
 * <p>{@link #update} runs once per batch and must not allocate; {@link #result} runs once per
 * evaluation and may.
 */
public interface Metric {
  /** Whether larger or smaller values are better; early stopping and sweeps follow it. */
  enum Goal {
    /** Larger values are better (accuracy, F1). */
    MAXIMIZE,
    /** Smaller values are better (an error, a log loss). */
    MINIMIZE
  }

  /** Forgets everything seen so far. */
  void reset();

  /** Adds a batch: network outputs and targets of the same shape (one-hot for classification). */
  void update(Matrix output, Matrix targets);

  /** The result over every batch since the last reset; its value is NaN when nothing was seen. */
  MetricValue result();

  /** Whether larger values are better (the default) or smaller ones. */
  default Goal goal() {
    return Goal.MAXIMIZE;
  }
}
