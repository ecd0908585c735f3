package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Glorot and Bengio's uniform initialization: {@code U(-a, a)}, {@code a = gain · sqrt(6 / (fanIn +
 * fanOut))}, which keeps activation variance steady through tanh and sigmoid layers.
 */
public final class XavierUniformInitializer implements Initializer {
  static final Param<Double> GAIN =
      Param.number("gain", 1.0, "scale factor of the bound").greaterThan(0);

  /** Registers the initializer as {@code xavier_uniform}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "xavier_uniform",
                  "uniform in ±gain·sqrt(6/(fan_in+fan_out)) (Glorot & Bengio, 2010)")
              .aliases("glorot_uniform")
              .params(GAIN),
          params -> new XavierUniformInitializer(params.get(GAIN)));
    }
  }

  private final double gain;

  XavierUniformInitializer(double gain) {
    this.gain = gain;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double bound = gain * Math.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, (2 * rng.nextDouble() - 1) * bound);
    }
  }
}
