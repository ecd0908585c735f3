package io.dendrite.core.standin;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;

/** Initializers for core's own tests, with the real ones' ids. */
public final class StandInInitializers {
  private StandInInitializers() {}

  /** Uniform in ±sqrt(6 / (fan_in + fan_out)). */
  public static final class XavierUniform extends InitializerPlugin.Base {
    public XavierUniform() {
      super(
          "xavier_uniform",
          "stand-in Glorot uniform",
          () ->
              (Initializer)
                  (weights, fanIn, fanOut, rng) -> {
                    double bound = Math.sqrt(6.0 / (fanIn + fanOut));
                    for (int i = 0; i < weights.size(); i++) {
                      weights.set(i, (2 * rng.nextDouble() - 1) * bound);
                    }
                  });
    }
  }

  /** Normal with variance 2 / fan_in. */
  public static final class HeNormal extends InitializerPlugin.Base {
    public HeNormal() {
      super(
          declare("he_normal", "stand-in He normal").aliases("kaiming_normal"),
          params ->
              (weights, fanIn, fanOut, rng) -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < weights.size(); i++) {
                  weights.set(i, rng.nextGaussian() * std);
                }
              });
    }
  }
}
