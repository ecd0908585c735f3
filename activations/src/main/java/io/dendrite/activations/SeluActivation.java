package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Scaled exponential linear unit, {@code f(x) = scale * elu(x, alpha)} with the self-normalizing
 * constants of Klambauer et al. (2017), as {@code torch.nn.SELU}.
 *
 * <p>The derivative at 0 is {@code scale * alpha}, the left-hand one, as in PyTorch.
 */
public final class SeluActivation extends ElementwiseActivation {
  private static final double ALPHA = 1.6732632423543772848170429916717;
  private static final double SCALE = 1.0507009873554804934193349852946;

  /** Registers the activation as {@code selu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          "selu",
          "scaled elu with the self-normalizing constants (alpha 1.6733, scale 1.0507)",
          SeluActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0 ? SCALE : SCALE * ALPHA * Math.exp(x);
  }
}
