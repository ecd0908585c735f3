package io.dendrite.core.init;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import java.util.List;

/** The {@code xavier_uniform} plugin. */
public final class XavierUniformPlugin implements InitializerPlugin {
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
