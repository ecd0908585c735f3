package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchArithmetic.add;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * Lion: steps of equal size along the sign of an interpolated momentum.
 *
 * <p>From Chen et al., "Symbolic Discovery of Optimization Algorithms", 2023. PyTorch has no Lion;
 * this follows the paper's update as lion-pytorch writes it: {@code p *= 1 - lr * weight_decay},
 * {@code p -= lr * sign(beta1 m + (1 - beta1) g)}, then {@code m = beta2 m + (1 - beta2) g}. Every
 * value moves by the learning rate at each step, so Lion wants a learning rate 3 to 10 times
 * smaller than AdamW's, and a weight decay as many times larger.
 *
 * <p>State: {@code lion.m/NAME}.
 */
public final class LionOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 1e-4, "step size: every value moves by it each step")
          .greaterThan(0);
  static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "weight of the momentum in the direction of the step")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> BETA2 =
      Param.number("beta2", 0.99, "decay rate of the momentum").atLeast(0).lessThan(1);
  static final Param<Double> WEIGHT_DECAY =
      Param.number(
              "weight_decay",
              0.0,
              "decoupled decay: each step multiplies p by 1 - lr * weight_decay")
          .atLeast(0);

  /** Registers the optimizer as {@code lion}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("lion", "sign of an interpolated momentum (Chen et al. 2023), as lion-pytorch")
              .params(LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY),
          params ->
              new LionOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double beta1;
  private final double beta2;
  private final double weightDecay;

  public LionOptimizer(double learningRate, double beta1, double beta2, double weightDecay) {
    super("lion", learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    double lr = learningRate();
    float decay = (float) (1 - lr * weightDecay);
    float negLr = (float) -lr;
    float b1 = (float) beta1;
    float oneMinusB1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float oneMinusB2 = (float) (1 - beta2);
    float[] m = state.buffer("m", p);
    for (int i = 0; i < n; i++) {
      if (weightDecay != 0) {
        w[i] *= decay;
      }
      float direction = Math.signum(add(m[i] * b1, oneMinusB1, g[i]));
      w[i] = add(w[i], negLr, direction);
      m[i] = add(m[i] * b2, oneMinusB2, g[i]);
    }
  }
}
