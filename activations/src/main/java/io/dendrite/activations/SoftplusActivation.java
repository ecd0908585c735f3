package io.dendrite.activations;

import static io.dendrite.activations.SigmoidActivation.sigmoid;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Softplus, {@code f(x) = log(1 + e^(beta x)) / beta}, a smooth relu, as {@code torch.nn.Softplus}.
 *
 * <p>Like PyTorch it is taken as {@code x} where {@code beta x > threshold}, with derivative 1;
 * below, the derivative is {@code σ(beta x)}.
 */
public final class SoftplusActivation extends ElementwiseActivation {
  static final Param<Double> BETA =
      Param.number("beta", 1.0, "sharpness: larger values bend closer to relu").greaterThan(0);
  static final Param<Double> THRESHOLD =
      Param.number("threshold", 20.0, "where beta x exceeds it, the function is x itself");

  /** Registers the activation as {@code softplus}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.NON_NEGATIVE;
    }

    public Plugin() {
      super(
          declare("softplus", "log(1 + e^(beta x)) / beta: a smooth relu").params(BETA, THRESHOLD),
          p -> new SoftplusActivation(p.get(BETA), p.get(THRESHOLD)));
    }
  }

  private final double beta;
  private final double threshold;

  SoftplusActivation(double beta, double threshold) {
    this.beta = beta;
    this.threshold = threshold;
  }

  @Override
  protected double apply(double x) {
    double bx = beta * x;
    return bx > threshold ? x : softplus(bx) / beta;
  }

  @Override
  protected double derivative(double x, double y) {
    double bx = beta * x;
    return bx > threshold ? 1.0 : sigmoid(bx);
  }

  /**
   * {@code log(1 + e^x)} without overflow: {@code exp} only sees {@code -|x|}, and {@code log1p}
   * keeps the tiny values of the lower tail.
   */
  static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
