package io.dendrite.optimizers;

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
 * AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, as {@code torch.optim.AdamW}.
 *
 * <p>It follows PyTorch operation for operation. With {@code t} the parameter's step count: {@code
 * p *= 1 - lr * weight_decay}, then {@code m = lerp(m, g, 1 - beta1)}, {@code v = beta2 v + (1 -
 * beta2) g^2}, with AMSGrad {@code v_max = max(v_max, v)} used in place of {@code v} below, and
 * {@code p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)}. The decay shrinks
 * the weights directly instead of entering the moments, so it is not divided by {@code sqrt(v)} as
 * Adam's L2 penalty is.
 *
 * <p>State: {@code adamw.m/NAME}, {@code adamw.v/NAME}, with AMSGrad {@code adamw.v_max/NAME}, and
 * {@code adamw.step/NAME}.
 */
public final class AdamWOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.001, "step size").greaterThan(0);
  static final Param<Double> BETA1 =
      Param.number("beta1", 0.9, "decay rate of the gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> BETA2 =
      Param.number("beta2", 0.999, "decay rate of the squared gradient's running mean")
          .atLeast(0)
          .lessThan(1);
  static final Param<Double> EPSILON =
      Param.number("epsilon", 1e-8, "added to the denominator for numerical stability")
          .greaterThan(0);
  static final Param<Boolean> AMSGRAD =
      Param.bool("amsgrad", false, "divide by the largest squared-gradient mean so far (AMSGrad)");
  static final Param<Double> WEIGHT_DECAY =
      Param.number(
              "weight_decay",
              0.01,
              "decoupled decay: each step multiplies p by 1 - lr * weight_decay")
          .atLeast(0);

  /** Registers the optimizer as {@code adamw}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("adamw", "Adam with decoupled weight decay, as torch.optim.AdamW")
              .params(LEARNING_RATE, BETA1, BETA2, EPSILON, AMSGRAD, WEIGHT_DECAY),
          params ->
              new AdamWOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(EPSILON),
                  params.get(AMSGRAD),
                  params.get(WEIGHT_DECAY)));
    }
  }

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean amsgrad;
  private final double weightDecay;

  public AdamWOptimizer(
      double learningRate,
      double beta1,
      double beta2,
      double epsilon,
      boolean amsgrad,
      double weightDecay) {
    super("adamw", learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.amsgrad = amsgrad;
    this.weightDecay = weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    double lr = learningRate();
    long t = state.nextStep(p);
    float decay = (float) (1 - lr * weightDecay);
    float weight1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float oneMinusB2 = (float) (1 - beta2);
    float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    float negStepSize = (float) -(lr / (1 - Math.pow(beta1, t)));
    float eps = (float) epsilon;
    float[] m = state.buffer("m", p);
    float[] v = state.buffer("v", p);
    float[] vMax = amsgrad ? state.buffer("v_max", p) : null;
    for (int i = 0; i < n; i++) {
      if (weightDecay != 0) {
        w[i] *= decay;
      }
      m[i] = lerp(m[i], g[i], weight1);
      v[i] = addcmul(v[i] * b2, oneMinusB2, g[i], g[i]);
      float second = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      w[i] = addcdiv(w[i], negStepSize, m[i], sqrt(second) / correction2Sqrt + eps);
    }
  }
}
