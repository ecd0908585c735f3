package io.dendrite.activations;

import io.dendrite.core.spi.support.ElementwiseActivation;

/** Hyperbolic tangent, with values in (-1, 1). */
public final class TanhActivation extends ElementwiseActivation {
  @Override
  protected double apply(double x) {
    return Math.tanh(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return 1.0 - y * y;
  }
}
