package io.dendrite.activations;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Gaussian error linear unit, {@code f(x) = x Φ(x)} with {@code Φ} the standard normal CDF, as
 * {@code torch.nn.GELU}.
 *
 * <p>With {@code approximate: none} it is exact, {@code Φ(x) = erfc(-x / √2) / 2}, and its
 * derivative is {@code Φ(x) + x φ(x)}. With {@code approximate: tanh} it is Hendrycks and Gimpel's
 * {@code x (1 + tanh(√(2/π) (x + 0.044715 x³))) / 2}, differentiated as written.
 */
public final class GeluActivation extends ElementwiseActivation {
  static final Param<String> APPROXIMATE =
      Param.choice(
          "approximate",
          "none",
          "none: exact, with the error function; tanh: the tanh approximation",
          "none",
          "tanh");

  /** Registers the activation as {@code gelu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("gelu", "Gaussian error linear unit x Φ(x), exact or tanh-approximated")
              .params(APPROXIMATE),
          p -> new GeluActivation(p.get(APPROXIMATE).equals("tanh")));
    }
  }

  private static final double SQRT_HALF = 0.7071067811865476; // 1/√2
  private static final double INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
  private static final double SQRT_2_OVER_PI = 0.7978845608028654; // √(2/π)
  private static final double KAPPA = 0.044715;

  private final boolean tanh;

  GeluActivation(boolean tanh) {
    this.tanh = tanh;
  }

  @Override
  protected double apply(double x) {
    if (tanh) {
      return 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + KAPPA * x * x * x)));
    }
    return x * cdf(x);
  }

  @Override
  protected double derivative(double x, double y) {
    if (tanh) {
      double t = Math.tanh(SQRT_2_OVER_PI * (x + KAPPA * x * x * x));
      double innerSlope = SQRT_2_OVER_PI * (1.0 + 3.0 * KAPPA * x * x);
      return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * innerSlope;
    }
    return cdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** {@code Φ(x)}; from erfc so that it stays accurate (not 0) far into the lower tail. */
  private static double cdf(double x) {
    return 0.5 * ErrorFunction.erfc(-x * SQRT_HALF);
  }
}
