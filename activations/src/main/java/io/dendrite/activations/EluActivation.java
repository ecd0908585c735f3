package io.dendrite.activations;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Exponential linear unit, {@code f(x) = x} for {@code x > 0} and {@code alpha (e^x - 1)}
 * otherwise, as {@code torch.nn.ELU}.
 *
 * <p>The derivative is {@code alpha e^x} for {@code x <= 0}, so {@code alpha} at 0, as in PyTorch;
 * the function is smooth at 0 only when {@code alpha} is 1.
 */
public final class EluActivation extends ElementwiseActivation {
  static final Param<Double> ALPHA =
      Param.number("alpha", 1.0, "scale of the negative part, which tends to -alpha").atLeast(0);

  /** Registers the activation as {@code elu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("elu", "exponential linear unit: x for x > 0, alpha (e^x - 1) otherwise")
              .params(ALPHA),
          p -> new EluActivation(p.get(ALPHA)));
    }
  }

  private final double alpha;

  EluActivation(double alpha) {
    this.alpha = alpha;
  }

  @Override
  protected double apply(double x) {
    return x > 0 ? x : alpha * Math.expm1(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0 ? 1.0 : alpha * Math.exp(x);
  }
}
