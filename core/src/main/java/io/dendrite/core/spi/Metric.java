package io.dendrite.core.spi;

import io.dendrite.core.tensor.Matrix;

/** A quality measure accumulated over mini-batches: reset, update per batch, read the value. */
public interface Metric {
  /** Forgets everything seen so far. */
  void reset();

  /** Adds a batch: network outputs and targets of the same shape (one-hot for classification). */
  void update(Matrix output, Matrix targets);

  /** The value over every batch since the last reset; NaN when nothing was seen. */
  double value();
}
