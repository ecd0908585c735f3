package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * LeCun's normal initialization, {@code N(0, 1 / fanIn)}, for linear and SELU layers.
 *
 * <p>It is PyTorch's {@code kaiming_normal_} with {@code nonlinearity='linear'}.
 *
 * <p>Keras's {@code lecun_normal} cuts the normal at two standard deviations; this one, like {@code
 * he_normal} and PyTorch, does not.
 */
public final class LecunNormalInitializer implements Initializer {
  /** Registers the initializer as {@code lecun_normal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
              "lecun_normal",
              "normal with mean 0 and variance 1/fan_in (LeCun et al., 1998), for SELU layers"),
          params -> new LecunNormalInitializer());
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double std = Math.sqrt(1.0 / fanIn);
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, rng.nextGaussian() * std);
    }
  }
}
