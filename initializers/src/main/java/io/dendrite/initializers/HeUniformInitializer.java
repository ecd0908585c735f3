package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * He et al.'s uniform initialization, as PyTorch's {@code kaiming_uniform_} for ReLU layers.
 *
 * <p>{@code U(-a, a)}, {@code a = sqrt(6 / fanIn)}: variance {@code 2 / fanIn}.
 */
public final class HeUniformInitializer implements Initializer {
  /** Registers the initializer as {@code he_uniform}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "he_uniform",
                  "uniform in ±sqrt(6/fan_in), variance 2/fan_in (He et al., 2015), for ReLU layers")
              .aliases("kaiming_uniform"),
          params -> new HeUniformInitializer());
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double bound = Math.sqrt(6.0 / fanIn);
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, (2 * rng.nextDouble() - 1) * bound);
    }
  }
}
