package io.dendrite.core.spi;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;

/** Fills a weight matrix with starting values. */
public interface Initializer {
  /**
   * Fills {@code weights} (shape {@code fanOut x fanIn}, one row per output unit) using {@code rng}
   * only, so the same seed gives the same weights.
   */
  void initialize(Matrix weights, int fanIn, int fanOut, Rng rng);
}
