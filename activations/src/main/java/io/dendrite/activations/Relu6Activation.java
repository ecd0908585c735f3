package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Relu capped at 6, {@code f(x) = min(max(x, 0), 6)}, as {@code torch.nn.ReLU6}.
 *
 * <p>PyTorch computes it as a hard tanh on [0, 6], so the derivative is 0 at both 0 and 6.
 */
public final class Relu6Activation extends ElementwiseActivation {
  /** Registers the activation as {@code relu6}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.NON_NEGATIVE;
    }

    public Plugin() {
      super("relu6", "relu capped at 6, min(max(0, x), 6)", Relu6Activation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return Math.min(Math.max(x, 0.0), 6.0);
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0.0 && x < 6.0 ? 1.0 : 0.0;
  }
}
