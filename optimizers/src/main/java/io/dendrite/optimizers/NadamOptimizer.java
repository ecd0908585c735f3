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
import java.util.HashMap;
import java.util.Map;

/**
 * NAdam (Dozat): Adam with Nesterov momentum, as {@code torch.optim.NAdam}.
 *
 * <p>It follows PyTorch operation for operation, with a momentum schedule. With {@code t} the
 * parameter's step count, {@code mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay))} and {@code P_t
 * = mu_1 ... mu_t}: {@code m = lerp(m, d, 1 - beta1)}, {@code v = beta2 v + (1 - beta2) d^2},
 * {@code denom = sqrt(v / (1 - beta2^t)) + epsilon}, then {@code p -= lr (1 - mu_t) / (1 - P_t) * d
 * / denom + lr mu_(t+1) / (1 - P_t mu_(t+1)) * m / denom}. Weight decay is L2 ({@code d = g +
 * weight_decay * p}), or with {@code decoupled_weight_decay} AdamW's {@code p *= 1 - lr *
 * weight_decay} and {@code d = g}.
 *
 * <p>State: {@code nadam.m/NAME}, {@code nadam.v/NAME} and {@code nadam.step/NAME}. PyTorch also
 * keeps the product {@code P_t} (in float32); it depends on the step count alone, so it is
 * recomputed from it rather than saved.
 */
public final class NadamOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.002, "step size").greaterThan(0);
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
  static final Param<Double> MOMENTUM_DECAY =
      Param.number("momentum_decay", 0.004, "how fast the momentum schedule approaches beta1")
          .atLeast(0);
  static final Param<Double> WEIGHT_DECAY =
      Param.number(
              "weight_decay",
              0.0,
              "weight decay factor: an L2 penalty, or decoupled with decoupled_weight_decay")
          .atLeast(0);
  static final Param<Boolean> DECOUPLED_WEIGHT_DECAY =
      Param.bool(
          "decoupled_weight_decay",
          false,
          "decay as AdamW, p *= 1 - lr * weight_decay, instead of adding it to the gradient");

  /** Registers the optimizer as {@code nadam}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("nadam", "Adam with Nesterov momentum, as torch.optim.NAdam")
              .params(
                  LEARNING_RATE,
                  BETA1,
                  BETA2,
                  EPSILON,
                  MOMENTUM_DECAY,
                  WEIGHT_DECAY,
                  DECOUPLED_WEIGHT_DECAY),
          params ->
              new NadamOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(EPSILON),
                  params.get(MOMENTUM_DECAY),
                  params.get(WEIGHT_DECAY),
                  params.get(DECOUPLED_WEIGHT_DECAY)));
    }
  }

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double momentumDecay;
  private final double weightDecay;
  private final boolean decoupled;
  // P_t by parameter name, with the t it is for: a cache of a function of the step count.
  private final Map<String, double[]> muProducts = new HashMap<>();

  public NadamOptimizer(
      double learningRate,
      double beta1,
      double beta2,
      double epsilon,
      double momentumDecay,
      double weightDecay,
      boolean decoupledWeightDecay) {
    super("nadam", learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.momentumDecay = momentumDecay;
    this.weightDecay = weightDecay;
    this.decoupled = decoupledWeightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    double lr = learningRate();
    long t = state.nextStep(p);
    float correction2 = (float) (1 - Math.pow(beta2, t));
    double mu = mu(t);
    double muNext = mu(t + 1);
    double muProduct = muProduct(p.name(), t);
    double muProductNext = muProduct * muNext;
    float gradientFactor = (float) (-lr * (1.0 - mu) / (1.0 - muProduct));
    float momentFactor = (float) ((-lr * muNext) / (1.0 - muProductNext));
    float weight1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float oneMinusB2 = (float) (1 - beta2);
    float eps = (float) epsilon;
    float decay = (float) (1 - lr * weightDecay);
    float wd = (float) weightDecay;
    boolean l2 = weightDecay != 0 && !decoupled;
    boolean shrink = weightDecay != 0 && decoupled;
    float[] m = state.buffer("m", p);
    float[] v = state.buffer("v", p);
    for (int i = 0; i < n; i++) {
      if (shrink) {
        w[i] *= decay;
      }
      float d = l2 ? add(g[i], wd, w[i]) : g[i];
      m[i] = lerp(m[i], d, weight1);
      v[i] = addcmul(v[i] * b2, oneMinusB2, d, d);
      float denominator = sqrt(v[i] / correction2) + eps;
      w[i] = addcdiv(w[i], gradientFactor, d, denominator);
      w[i] = addcdiv(w[i], momentFactor, m[i], denominator);
    }
  }

  private double mu(long t) {
    return beta1 * (1.0 - 0.5 * Math.pow(0.96, t * momentumDecay));
  }

  /**
   * {@code P_t} as PyTorch has it: a float32 product, rounded after each factor. Continued from
   * {@code P_(t-1)}, or replayed from the start when that is not at hand (after a restore).
   */
  private double muProduct(String name, long t) {
    double[] cached = muProducts.get(name);
    if (cached == null) {
      cached = new double[] {0, 1};
      muProducts.put(name, cached);
    }
    if (cached[0] != t - 1) {
      float product = 1f;
      for (long i = 1; i < t; i++) {
        product *= (float) mu(i);
      }
      cached[1] = product;
    }
    float product = (float) cached[1] * (float) mu(t);
    cached[0] = t;
    cached[1] = product;
    return product;
  }
}
