package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchArithmetic.add;
import static io.dendrite.optimizers.TorchArithmetic.addcdiv;
import static io.dendrite.optimizers.TorchArithmetic.addcmul;
import static io.dendrite.optimizers.TorchArithmetic.lerp;
import static io.dendrite.optimizers.TorchArithmetic.sqrt;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * RMSprop (Hinton), optionally centered and with momentum, as {@code torch.optim.RMSprop}.
 *
 * <p>It follows PyTorch operation for operation. With {@code d = g + weight_decay * p}: {@code s =
 * alpha s + (1 - alpha) d^2}; centered, {@code a = lerp(a, d, 1 - alpha)} and {@code r = sqrt(s -
 * a^2) + epsilon}, else {@code r = sqrt(s) + epsilon}; with momentum {@code b = momentum b + d / r}
 * and {@code p -= lr b}, else {@code p -= lr d / r}.
 *
 * <p>State: {@code rmsprop.square_avg/NAME}, centered {@code rmsprop.grad_avg/NAME}, with momentum
 * {@code rmsprop.momentum/NAME} (PyTorch's {@code momentum_buffer}). All of it lives in {@link
 * ParameterState}: this class has no state code of its own.
 */
public final class RmspropOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  static final Param<Double> ALPHA =
      Param.number("alpha", 0.99, "decay rate of the squared gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-8, "added to the denominator for numerical stability")
          .greaterThan(0);
  static final Param<Double> MOMENTUM =
      Param.number("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0).lessThan(1);
  static final Param<Boolean> CENTERED =
      Param.bool(
          "centered", false, "divide by the gradient's estimated variance, not its mean square");
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  /** Registers the optimizer as {@code rmsprop}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "rmsprop",
                  "RMSprop, optionally centered and with momentum, as torch.optim.RMSprop")
              .params(LEARNING_RATE, ALPHA, EPSILON, MOMENTUM, CENTERED, WEIGHT_DECAY),
          params ->
              new RmspropOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(ALPHA),
                  params.get(EPSILON),
                  params.get(MOMENTUM),
                  params.get(CENTERED),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double alpha;
  private final double epsilon;
  private final double momentum;
  private final boolean centered;
  private final double weightDecay;

  public RmspropOptimizer(
      double learningRate,
      double alpha,
      double epsilon,
      double momentum,
      boolean centered,
      double weightDecay) {
    super("rmsprop", learningRate);
    this.alpha = alpha;
    this.epsilon = epsilon;
    this.momentum = momentum;
    this.centered = centered;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    float lr = (float) learningRate();
    float a = (float) alpha;
    float oneMinusAlpha = (float) (1 - alpha);
    float eps = (float) epsilon;
    float mom = (float) momentum;
    float wd = (float) weightDecay;
    float[] squareAvg = state.buffer("square_avg", p);
    float[] gradAvg = centered ? state.buffer("grad_avg", p) : null;
    float[] buffer = momentum > 0 ? state.buffer("momentum", p) : null;
    for (int i = 0; i < n; i++) {
      float d = weightDecay != 0 ? add(g[i], wd, w[i]) : g[i];
      squareAvg[i] = addcmul(squareAvg[i] * a, oneMinusAlpha, d, d);
      float avg;
      if (gradAvg != null) {
        gradAvg[i] = lerp(gradAvg[i], d, oneMinusAlpha);
        avg = sqrt(addcmul(squareAvg[i], -1f, gradAvg[i], gradAvg[i])) + eps;
      } else {
        avg = sqrt(squareAvg[i]) + eps;
      }
      if (buffer != null) {
        buffer[i] = addcdiv(buffer[i] * mom, 1f, d, avg);
        w[i] = add(w[i], -lr, buffer[i]);
      } else {
        w[i] = addcdiv(w[i], -lr, d, avg);
      }
    }
  }
}
