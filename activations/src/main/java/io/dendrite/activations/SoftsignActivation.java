package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/** Softsign, {@code f(x) = x / (1 + |x|)}, with values in (-1, 1), as {@code torch.nn.Softsign}. */
public final class SoftsignActivation extends ElementwiseActivation {
  /** Registers the activation as {@code softsign}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super("softsign", "x / (1 + abs(x)), values in (-1, 1)", SoftsignActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return x / (1.0 + Math.abs(x));
  }

  @Override
  protected double derivative(double x, double y) {
    double d = 1.0 + Math.abs(x);
    return 1.0 / (d * d);
  }
}
