package io.dendrite.activations;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Hard tanh, {@code f(x) = min(max(x, min_val), max_val)}, as {@code torch.nn.Hardtanh}.
 *
 * <p>The derivative is 1 strictly between {@code min_val} and {@code max_val} and 0 elsewhere, at
 * both ends too, as in PyTorch.
 */
public final class HardTanhActivation extends ElementwiseActivation {
  static final Param<Double> MIN_VAL =
      Param.number("min_val", -1.0, "lower end of the linear region, the smallest output");
  static final Param<Double> MAX_VAL =
      Param.number("max_val", 1.0, "upper end of the linear region, the largest output");

  /** Registers the activation as {@code hard_tanh}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("hard_tanh", "x clipped to [min_val, max_val]: a piecewise linear tanh")
              .params(MIN_VAL, MAX_VAL),
          p -> new HardTanhActivation(p.get(MIN_VAL), p.get(MAX_VAL)));
    }
  }

  private final double minVal;
  private final double maxVal;

  /**
   * A hard tanh clipping to {@code [minVal, maxVal]}.
   *
   * @throws IllegalArgumentException unless {@code minVal < maxVal}
   */
  HardTanhActivation(double minVal, double maxVal) {
    if (!(minVal < maxVal)) {
      throw new IllegalArgumentException(
          "hard_tanh needs min_val < max_val, but min_val is "
              + minVal
              + " and max_val is "
              + maxVal);
    }
    this.minVal = minVal;
    this.maxVal = maxVal;
  }

  @Override
  protected double apply(double x) {
    return Math.min(Math.max(x, minVal), maxVal);
  }

  @Override
  protected double derivative(double x, double y) {
    return x > minVal && x < maxVal ? 1.0 : 0.0;
  }
}
