package io.dendrite.core.init;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.tensor.Matrix;

/**
 * Glorot and Bengio's uniform initialization: {@code U(-a, a)}, {@code a = gain · sqrt(6 / (fanIn +
 * fanOut))}, which keeps activation variance steady through tanh and sigmoid layers.
 */
public final class XavierUniformInitializer implements Initializer {
  private final double gain;

  XavierUniformInitializer(double gain) {
    this.gain = gain;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double bound = gain * Math.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, (2 * rng.nextDouble() - 1) * bound);
    }
  }
}
