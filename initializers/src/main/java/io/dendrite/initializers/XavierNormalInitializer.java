package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Glorot and Bengio's normal initialization, as PyTorch's {@code nn.init.xavier_normal_}.
 *
 * <p>{@code N(0, std²)}, {@code std = gain · sqrt(2 / (fanIn + fanOut))}.
 */
public final class XavierNormalInitializer implements Initializer {
  static final Param<Double> GAIN =
      Param.number("gain", 1.0, "scale factor of the standard deviation").greaterThan(0);

  /** Registers the initializer as {@code xavier_normal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "xavier_normal",
                  "normal with mean 0 and std gain·sqrt(2/(fan_in+fan_out)) (Glorot & Bengio, 2010)")
              .aliases("glorot_normal")
              .params(GAIN),
          params -> new XavierNormalInitializer(params.get(GAIN)));
    }
  }

  private final double gain;

  private XavierNormalInitializer(double gain) {
    this.gain = gain;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, rng.nextGaussian() * std);
    }
  }
}
