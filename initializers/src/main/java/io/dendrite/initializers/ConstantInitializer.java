package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/** Every value the same given number, as PyTorch's {@code nn.init.constant_}; draws nothing. */
public final class ConstantInitializer implements Initializer {
  static final Param<Double> VALUE =
      Param.number("value", 0, "the value of every entry").required();

  /** Registers the initializer as {@code constant}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare("constant", "every value the given number; draws nothing").params(VALUE),
          params -> new ConstantInitializer(params.get(VALUE)));
    }
  }

  private final double value;

  private ConstantInitializer(double value) {
    this.value = value;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    weights.fill(value);
  }
}
