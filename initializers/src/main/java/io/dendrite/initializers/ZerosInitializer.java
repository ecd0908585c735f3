package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/** Every value 0: the usual start of a bias; draws nothing from the generator. */
public final class ZerosInitializer implements Initializer {
  /** Registers the initializer as {@code zeros}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super("zeros", "every value 0 (biases); draws nothing", ZerosInitializer::new);
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    weights.fill(0);
  }
}
