package io.dendrite.activations;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Continuously differentiable elu, {@code f(x) = x} for {@code x > 0} and {@code alpha (e^(x /
 * alpha) - 1)} otherwise, as {@code torch.nn.CELU}.
 *
 * <p>Its derivative, {@code e^(x / alpha)} for {@code x <= 0}, is 1 at 0 from both sides whatever
 * {@code alpha} is.
 */
public final class CeluActivation extends ElementwiseActivation {
  static final Param<Double> ALPHA =
      Param.number("alpha", 1.0, "scale of the negative part, which tends to -alpha")
          .greaterThan(0);

  /** Registers the activation as {@code celu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("celu", "continuously differentiable elu: alpha (e^(x/alpha) - 1) for x <= 0")
              .params(ALPHA),
          p -> new CeluActivation(p.get(ALPHA)));
    }
  }

  private final double alpha;
  // PyTorch multiplies by 1 / alpha rather than dividing; doing the same keeps the last bits.
  private final double inverseAlpha;

  CeluActivation(double alpha) {
    this.alpha = alpha;
    this.inverseAlpha = 1.0 / alpha;
  }

  @Override
  protected double apply(double x) {
    return x > 0 ? x : alpha * Math.expm1(x * inverseAlpha);
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0 ? 1.0 : Math.exp(x * inverseAlpha);
  }
}
