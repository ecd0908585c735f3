package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/** Hyperbolic tangent, with values in (-1, 1). */
public final class TanhActivation extends ElementwiseActivation {
  /** Registers the activation as {@code tanh}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super("tanh", "hyperbolic tangent, values in (-1, 1)", TanhActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return Math.tanh(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return 1.0 - y * y;
  }
}
