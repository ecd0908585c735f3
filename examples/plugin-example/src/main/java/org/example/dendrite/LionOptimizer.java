package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * Lion (Chen et al., 2023): steps of the sign of an interpolated momentum, so every weight moves by
 * the learning rate exactly; it needs a rate 3 to 10 times smaller than Adam's.
 *
 * <p>{@code c = beta1 m + (1 - beta1) g}, {@code w -= lr (sign(c) + weight_decay w)}, then {@code m
 * = beta2 m + (1 - beta2) g}. The momentum {@code m} is its only state: {@code
 * sign_momentum.m/<parameter>}. Registered as {@code sign_momentum}: Dendrite's own optimizers
 * have a {@code lion} already, and two plugins may not claim one id.
 */
public final class LionOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 1e-4, "step size of every weight").greaterThan(0);
  static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "momentum weight of the step's direction").atLeast(0).lessThan(1);
  static final Param<Double> BETA2 =
      Param.number("beta2", 0.99, "decay of the momentum kept").atLeast(0).lessThan(1);
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "decoupled weight decay, as AdamW's").atLeast(0);

  /** Registers the optimizer as {@code sign_momentum}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("sign_momentum", "evolved sign momentum (Chen et al., 2023)")
              .params(LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY),
          params ->
              new LionOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final float beta1;
  private final float beta2;
  private final float weightDecay;

  LionOptimizer(double learningRate, double beta1, double beta2, double weightDecay) {
    super("sign_momentum", learningRate);
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    float lr = (float) learningRate();
    float[] m = state.buffer("m", p);
    for (int i = 0; i < n; i++) {
      float c = beta1 * m[i] + (1 - beta1) * g[i];
      w[i] -= lr * (Math.signum(c) + weightDecay * w[i]);
      m[i] = beta2 * m[i] + (1 - beta2) * g[i];
    }
  }
}
