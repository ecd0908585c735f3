package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchArithmetic.add;
import static io.dendrite.optimizers.TorchArithmetic.addcdiv;
import static io.dendrite.optimizers.TorchArithmetic.lerp;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.Parameter;

/**
 * Adamax (Kingma and Ba): Adam with the infinity norm, as {@code torch.optim.Adamax}.
 *
 * <p>It follows PyTorch operation for operation, the norm in place of the second moment. With
 * {@code d = g + weight_decay * p} and {@code t} the parameter's step count: {@code m = lerp(m, d,
 * 1 - beta1)}, {@code u = max(beta2 u, |d| + epsilon)}, then {@code p -= lr / (1 - beta1^t) * m /
 * u}.
 *
 * <p>State: {@code adamax.m/NAME}, {@code adamax.u/NAME} (PyTorch's {@code exp_inf}) and {@code
 * adamax.step/NAME}.
 */
public final class AdamaxOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.002, "step size").greaterThan(0);
  static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "decay rate of the gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> BETA2 =
      Param.number("beta2", 0.999, "decay rate of the running maximum of |gradient|")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-8, "added to |gradient| for numerical stability").greaterThan(0);
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  /** Registers the optimizer as {@code adamax}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("adamax", "Adam with the infinity norm, as torch.optim.Adamax")
              .params(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY),
          params ->
              new AdamaxOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(EPSILON),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;

  public AdamaxOptimizer(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super("adamax", learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    long t = state.nextStep(p);
    float negStepSize = (float) -(learningRate() / (1 - Math.pow(beta1, t)));
    float weight1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float eps = (float) epsilon;
    float wd = (float) weightDecay;
    float[] m = state.buffer("m", p);
    float[] u = state.buffer("u", p);
    for (int i = 0; i < n; i++) {
      float d = weightDecay != 0 ? add(g[i], wd, w[i]) : g[i];
      m[i] = lerp(m[i], d, weight1);
      u[i] = Math.max(u[i] * b2, Math.abs(d) + eps);
      w[i] = addcdiv(w[i], negStepSize, m[i], u[i]);
    }
  }
}
