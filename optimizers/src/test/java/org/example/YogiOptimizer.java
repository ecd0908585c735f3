package org.example;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * Yogi (Zaheer et al. 2018), written as a third party would: on the public {@link
 * ParameterwiseOptimizer} and {@link ParameterState}, with no state code of its own.
 *
 * <p>{@code m = beta1 m + (1 - beta1) g}, {@code v -= (1 - beta2) sign(v - g^2) g^2}, then {@code p
 * -= lr / (1 - beta1^t) * m / (sqrt(v / (1 - beta2^t)) + epsilon)}.
 */
public final class YogiOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "decay rate of the gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> BETA2 =
      Param.number("beta2", 0.999, "how fast the second moment follows g^2").atLeast(0).lessThan(1);

  /** Registers the optimizer as {@code yogi}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("yogi", "Adam with additive second-moment updates (a test plugin)")
              .params(LEARNING_RATE, BETA1, BETA2),
          p -> new YogiOptimizer(p.get(LEARNING_RATE), p.get(BETA1), p.get(BETA2)));
    }
  }

  private final double beta1;
  private final double beta2;

  public YogiOptimizer(double learningRate, double beta1, double beta2) {
    super("yogi", learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    long t = state.nextStep(p);
    float stepSize = (float) (learningRate() / (1 - Math.pow(beta1, t)));
    float correction2 = (float) (1 - Math.pow(beta2, t));
    float[] m = state.buffer("m", p);
    float[] v = state.buffer("v", p);
    for (int i = 0; i < n; i++) {
      float g2 = g[i] * g[i];
      m[i] = (float) beta1 * m[i] + (float) (1 - beta1) * g[i];
      v[i] -= (float) (1 - beta2) * Math.signum(v[i] - g2) * g2;
      w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i] / correction2) + 1e-3f);
    }
  }
}
