package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/** The logistic function {@code f(x) = 1 / (1 + e^-x)}, with values in (0, 1). */
public final class SigmoidActivation extends ElementwiseActivation {
  /** Registers the activation as {@code sigmoid}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.PROBABILITIES;
    }

    public Plugin() {
      super(
          "sigmoid", "logistic function 1 / (1 + e^-x), values in (0, 1)", SigmoidActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return sigmoid(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return y * (1.0 - y);
  }

  /**
   * The logistic function without overflow: {@code exp} only ever sees a non-positive argument, so
   * it stays in (0, 1] and no infinity or NaN arises even at {@code x = ±1000}.
   */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }
}
