package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adam (Kingma and Ba) with bias correction and optional L2 weight decay, following {@code
 * torch.optim.Adam} (without amsgrad) operation for operation.
 *
 * <p>With {@code d = g + weight_decay * p} and {@code t} the parameter's step count: {@code m =
 * beta1 m + (1 - beta1) d}, {@code v = beta2 v + (1 - beta2) d^2}, then {@code p -= lr / (1 -
 * beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)}. The scalars are computed in double and
 * the per-value arithmetic in float32, in PyTorch's order, so results agree with PyTorch's float32
 * Adam to within a rounding step.
 *
 * <p>Like PyTorch, each parameter has its own step count, so a parameter first seen later starts
 * its bias correction afresh.
 */
public final class AdamOptimizer implements Optimizer {
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
  static final Param<Double> WEIGHT_DECAY =
      Param.number(
              "weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient (not AdamW)")
          .atLeast(0);

  /** Registers the optimizer as {@code adam}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("adam", "Adam with bias correction, as torch.optim.Adam")
              .params(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY),
          params ->
              new AdamOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(EPSILON),
                  params.get(WEIGHT_DECAY)));
    }
  }

  static final String M_STATE = "adam.m";
  static final String V_STATE = "adam.v";
  static final String STEP_STATE = "adam.step/";

  private double learningRate;
  private final double beta1;
  private final double beta2;
  private final float epsilon;
  private final float weightDecay;
  private final ParameterBuffers m = new ParameterBuffers(M_STATE);
  private final ParameterBuffers v = new ParameterBuffers(V_STATE);
  // A long in an array, so that counting a step allocates nothing.
  private final Map<String, long[]> steps = new LinkedHashMap<>();

  public AdamOptimizer(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    this.learningRate = OptimizerChecks.requireLearningRate(learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = (float) epsilon;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  public void step(List<Parameter> parameters) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float oneMinusB1 = (float) (1 - beta1);
    float oneMinusB2 = (float) (1 - beta2);
    float wd = weightDecay;
    for (int k = 0; k < parameters.size(); k++) {
      Parameter p = parameters.get(k);
      OptimizerChecks.requireFloat32("adam", p);
      long[] step = steps.computeIfAbsent(p.name(), name -> new long[1]);
      long t = ++step[0];
      float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
      float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));

      float[] w = p.value().floats();
      float[] g = p.gradient().floats();
      float[] ms = m.of(p);
      float[] vs = v.of(p);
      int n = p.value().size();
      for (int i = 0; i < n; i++) {
        // PyTorch skips the decay when it is 0, which matters only for non-finite weights.
        float d = wd == 0 ? g[i] : g[i] + wd * w[i];
        float mi = b1 * ms[i] + oneMinusB1 * d;
        float vi = b2 * vs[i] + oneMinusB2 * d * d;
        ms[i] = mi;
        vs[i] = vi;
        float denominator = (float) Math.sqrt(vi) / correction2Sqrt + epsilon;
        w[i] -= stepSize * (mi / denominator);
      }
    }
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = OptimizerChecks.requireLearningRate(learningRate);
  }

  /**
   * {@code adam.m/NAME} and {@code adam.v/NAME} (moment estimates, the parameter's shape) and
   * {@code adam.step/NAME} (1x1 float64, exact up to 2^53 steps) for every parameter stepped.
   */
  @Override
  public Map<String, Matrix> state() {
    Map<String, Matrix> state = new LinkedHashMap<>();
    m.saveTo(state);
    v.saveTo(state);
    steps.forEach((name, step) -> state.put(STEP_STATE + name, Matrix.doubles(1, 1).fill(step[0])));
    return state;
  }

  @Override
  public void restoreState(Map<String, Matrix> state) {
    Set<String> used = new HashSet<>();
    m.restoreFrom(state, used);
    v.restoreFrom(state, used);
    steps.clear();
    state.forEach(
        (key, value) -> {
          if (key.startsWith(STEP_STATE)) {
            double count = value.size() == 1 ? value.get(0) : -1;
            if (count < 0 || count != Math.rint(count)) {
              throw new IllegalArgumentException(
                  "optimizer state '" + key + "' must be one whole number >= 0");
            }
            steps.put(key.substring(STEP_STATE.length()), new long[] {(long) count});
            used.add(key);
          }
        });
    OptimizerChecks.requireAllUsed("adam", state, used);
    if (!m.names().equals(v.names()) || !m.names().equals(steps.keySet())) {
      throw new IllegalArgumentException(
          "adam state is incomplete: moments for "
              + m.names()
              + " and "
              + v.names()
              + ", step counts for "
              + steps.keySet());
    }
  }
}
