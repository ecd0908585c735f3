package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * LeCun's uniform initialization, as Keras's {@code lecun_uniform}.
 *
 * <p>{@code U(-a, a)}, {@code a = sqrt(3 / fanIn)}: variance {@code 1 / fanIn}.
 */
public final class LecunUniformInitializer implements Initializer {
  /** Registers the initializer as {@code lecun_uniform}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
              "lecun_uniform",
              "uniform in ±sqrt(3/fan_in), variance 1/fan_in (LeCun et al., 1998)"),
          params -> new LecunUniformInitializer());
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double bound = Math.sqrt(3.0 / fanIn);
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, (2 * rng.nextDouble() - 1) * bound);
    }
  }
}
