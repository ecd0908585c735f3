package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Normal with the given mean and standard deviation, drawn again beyond two deviations.
 *
 * <p>As Keras's {@code TruncatedNormal}, and PyTorch's {@code nn.init.trunc_normal_} with {@code a
 * = mean - 2 std}, {@code b = mean + 2 std}.
 *
 * <p>{@code std} is that of the normal before the cut; the values themselves spread less, with a
 * standard deviation of about {@code 0.88 std}. Defaults are Keras's.
 */
public final class TruncatedNormalInitializer implements Initializer {
  /** Where the distribution is cut, in standard deviations from the mean. */
  static final double CUT = 2;

  static final Param<Double> MEAN = Param.number("mean", 0, "mean of the normal before the cut");
  static final Param<Double> STD =
      Param.number("std", 0.05, "standard deviation of the normal before the cut (Keras: 0.05)")
          .atLeast(0);

  /** Registers the initializer as {@code truncated_normal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "truncated_normal",
                  "normal with the given mean and std, redrawn beyond 2 std (Keras's default)")
              .aliases("trunc_normal")
              .params(MEAN, STD),
          params -> new TruncatedNormalInitializer(params.get(MEAN), params.get(STD)));
    }
  }

  private final double mean;
  private final double std;

  private TruncatedNormalInitializer(double mean, double std) {
    this.mean = mean;
    this.std = std;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    for (int i = 0; i < weights.size(); i++) {
      double z;
      do {
        z = rng.nextGaussian();
      } while (Math.abs(z) > CUT);
      weights.set(i, mean + std * z);
    }
  }
}
