package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Normal with the given mean and standard deviation, as PyTorch's {@code nn.init.normal_}.
 *
 * <p>The fans are not used.
 *
 * <p>The standard deviation takes Keras's small default (0.05) rather than PyTorch's 1, which is
 * far too large for weights.
 */
public final class NormalInitializer implements Initializer {
  static final Param<Double> MEAN = Param.number("mean", 0, "mean of the distribution");
  static final Param<Double> STD =
      Param.number("std", 0.05, "standard deviation (Keras's default 0.05, not PyTorch's 1)")
          .atLeast(0);

  /** Registers the initializer as {@code normal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "normal",
                  "normal with the given mean and std, by default N(0, 0.05²) as in Keras")
              .aliases("random_normal")
              .params(MEAN, STD),
          params -> new NormalInitializer(params.get(MEAN), params.get(STD)));
    }
  }

  private final double mean;
  private final double std;

  private NormalInitializer(double mean, double std) {
    this.mean = mean;
    this.std = std;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, mean + std * rng.nextGaussian());
    }
  }
}
