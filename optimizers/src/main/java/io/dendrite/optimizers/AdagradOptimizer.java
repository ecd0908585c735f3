package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchArithmetic.add;
import static io.dendrite.optimizers.TorchArithmetic.addcdiv;
import static io.dendrite.optimizers.TorchArithmetic.addcmul;
import static io.dendrite.optimizers.TorchArithmetic.sqrt;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;
import java.util.Arrays;

/**
 * Adagrad (Duchi, Hazan and Singer), as {@code torch.optim.Adagrad} for dense gradients.
 *
 * <p>It follows PyTorch operation for operation. With {@code d = g + weight_decay * p} and {@code
 * t} the parameter's step count: {@code s += d^2}, starting from {@code initial_accumulator_value},
 * then {@code p -= lr / (1 + (t - 1) lr_decay) * d / (sqrt(s) + epsilon)}.
 *
 * <p>State: {@code adagrad.sum/NAME} and {@code adagrad.step/NAME}.
 */
public final class AdagradOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  static final Param<Double> LR_DECAY =
      Param.number("lr_decay", 0.0, "the step size at step t is lr / (1 + (t - 1) lr_decay)")
          .atLeast(0);
  static final Param<Double> INITIAL_ACCUMULATOR_VALUE =
      Param.number(
              "initial_accumulator_value", 0.0, "starting value of the sum of squared gradients")
          .atLeast(0);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-10, "added to the denominator for numerical stability")
          .greaterThan(0);
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  /** Registers the optimizer as {@code adagrad}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "adagrad",
                  "per-value step sizes from summed squared gradients, as torch.optim.Adagrad")
              .params(LEARNING_RATE, LR_DECAY, INITIAL_ACCUMULATOR_VALUE, EPSILON, WEIGHT_DECAY),
          params ->
              new AdagradOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(LR_DECAY),
                  params.get(INITIAL_ACCUMULATOR_VALUE),
                  params.get(EPSILON),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double lrDecay;
  private final float initialAccumulatorValue;
  private final double epsilon;
  private final double weightDecay;

  public AdagradOptimizer(
      double learningRate,
      double lrDecay,
      double initialAccumulatorValue,
      double epsilon,
      double weightDecay) {
    super("adagrad", learningRate);
    this.lrDecay = lrDecay;
    this.initialAccumulatorValue = (float) initialAccumulatorValue;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    long t = state.nextStep(p);
    float negStepSize = (float) -(learningRate() / (1 + (t - 1) * lrDecay));
    float eps = (float) epsilon;
    float wd = (float) weightDecay;
    boolean fresh = !state.has("sum", p);
    float[] sum = state.buffer("sum", p);
    if (fresh) {
      Arrays.fill(sum, 0, n, initialAccumulatorValue);
    }
    for (int i = 0; i < n; i++) {
      float d = weightDecay != 0 ? add(g[i], wd, w[i]) : g[i];
      sum[i] = addcmul(sum[i], 1f, d, d);
      w[i] = addcdiv(w[i], negStepSize, d, sqrt(sum[i]) + eps);
    }
  }
}
