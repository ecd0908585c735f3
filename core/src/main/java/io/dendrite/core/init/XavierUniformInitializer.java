package io.dendrite.core.init;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;
import java.util.List;

/**
 * Glorot and Bengio's uniform initialization: {@code U(-a, a)}, {@code a = gain · sqrt(6 / (fanIn +
 * fanOut))}, which keeps activation variance steady through tanh and sigmoid layers.
 */
public final class XavierUniformInitializer implements Initializer {
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

  /** The {@code xavier_uniform} plugin. */
  public static final class Plugin implements InitializerPlugin {
    static final Param<Double> GAIN =
        Param.number("gain", 1.0, "scale factor of the bound").greaterThan(0);

    @Override
    public String id() {
      return "xavier_uniform";
    }

    @Override
    public List<String> aliases() {
      return List.of("glorot_uniform");
    }

    @Override
    public String summary() {
      return "uniform in ±gain·sqrt(6/(fan_in+fan_out)) (Glorot & Bengio, 2010)";
    }

    @Override
    public List<Param<?>> params() {
      return List.of(GAIN);
    }

    @Override
    public Initializer create(Params params) {
      return new XavierUniformInitializer(params.get(GAIN));
    }
  }
}
