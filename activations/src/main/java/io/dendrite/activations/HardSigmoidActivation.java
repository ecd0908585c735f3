package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * PyTorch's hard sigmoid, {@code f(x) = relu6(x + 3) / 6}: 0 up to -3, 1 from 3, linear between.
 *
 * <p>The derivative is 1/6 strictly between -3 and 3 and 0 elsewhere, at ±3 too, as in PyTorch.
 * (Keras's hard sigmoid has slope 0.2 instead.)
 */
public final class HardSigmoidActivation extends ElementwiseActivation {
  /** Registers the activation as {@code hard_sigmoid}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.PROBABILITIES;
    }

    public Plugin() {
      super(
          "hard_sigmoid",
          "relu6(x + 3) / 6: a piecewise linear sigmoid, as torch.nn.Hardsigmoid",
          HardSigmoidActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
  }

  @Override
  protected double derivative(double x, double y) {
    return x > -3.0 && x < 3.0 ? 1.0 / 6.0 : 0.0;
  }
}
