package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * He et al.'s normal initialization: {@code N(0, 2 / fanIn)}, which keeps activation variance
 * steady through ReLU layers (half of whose inputs are zeroed).
 */
public final class HeNormalInitializer implements Initializer {
  /** Registers the initializer as {@code he_normal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "he_normal",
                  "normal with mean 0 and variance 2/fan_in (He et al., 2015), for ReLU layers")
              .aliases("kaiming_normal"),
          params -> new HeNormalInitializer());
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double std = Math.sqrt(2.0 / fanIn);
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, rng.nextGaussian() * std);
    }
  }
}
