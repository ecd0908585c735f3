package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchArithmetic.add;
import static io.dendrite.optimizers.TorchArithmetic.addcmul;
import static io.dendrite.optimizers.TorchArithmetic.sqrt;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * Adadelta (Zeiler), following {@code torch.optim.Adadelta} operation for operation.
 *
 * <p>With {@code d = g + weight_decay * p}: {@code s = rho s + (1 - rho) d^2}, {@code delta =
 * sqrt(a + epsilon) / sqrt(s + epsilon) * d}, {@code a = rho a + (1 - rho) delta^2}, then {@code p
 * -= lr delta}. The learning rate only scales the step (1 is the method as published).
 *
 * <p>State: {@code adadelta.square_avg/NAME} and {@code adadelta.acc_delta/NAME}.
 */
public final class AdadeltaOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 1.0, "scales the step; 1 is Adadelta as published")
          .greaterThan(0);
  static final Param<Double> RHO =
      Param.number("rho", 0.9, "decay rate of the running means of squared gradients and steps")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-6, "added inside both square roots for numerical stability")
          .greaterThan(0);
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  /** Registers the optimizer as {@code adadelta}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "adadelta",
                  "step sizes from running means of squared gradients and steps, as"
                      + " torch.optim.Adadelta")
              .params(LEARNING_RATE, RHO, EPSILON, WEIGHT_DECAY),
          params ->
              new AdadeltaOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(RHO),
                  params.get(EPSILON),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double rho;
  private final double epsilon;
  private final double weightDecay;

  public AdadeltaOptimizer(double learningRate, double rho, double epsilon, double weightDecay) {
    super("adadelta", learningRate);
    this.rho = rho;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    float negLr = (float) -learningRate();
    float r = (float) rho;
    float oneMinusRho = (float) (1 - rho);
    float eps = (float) epsilon;
    float wd = (float) weightDecay;
    float[] squareAvg = state.buffer("square_avg", p);
    float[] accDelta = state.buffer("acc_delta", p);
    for (int i = 0; i < n; i++) {
      float d = weightDecay != 0 ? add(g[i], wd, w[i]) : g[i];
      squareAvg[i] = addcmul(squareAvg[i] * r, oneMinusRho, d, d);
      float std = sqrt(squareAvg[i] + eps);
      float delta = sqrt(accDelta[i] + eps) / std * d;
      accDelta[i] = addcmul(accDelta[i] * r, oneMinusRho, delta, delta);
      w[i] = add(w[i], negLr, delta);
    }
  }
}
