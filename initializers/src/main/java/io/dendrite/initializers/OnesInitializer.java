package io.dendrite.initializers;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/** Every value 1: the usual start of a normalization's scale; draws nothing from the generator. */
public final class OnesInitializer implements Initializer {
  /** Registers the initializer as {@code ones}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super("ones", "every value 1; draws nothing", OnesInitializer::new);
    }
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    weights.fill(1);
  }
}
