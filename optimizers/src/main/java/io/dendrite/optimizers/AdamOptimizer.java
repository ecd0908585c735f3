package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adam (Kingma and Ba), as {@code torch.optim.Adam}: bias correction, AMSGrad, L2 weight decay.
 *
 * <p>It follows PyTorch operation for operation. With {@code d = g + weight_decay * p} and {@code
 * t} the parameter's step count: {@code m = beta1 m + (1 - beta1) d}, {@code v = beta2 v + (1 -
 * beta2) d^2}, with AMSGrad {@code v_max = max(v_max, v)} used in place of {@code v} below, then
 * {@code p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)}. The scalars are
 * computed in double and the per-value arithmetic in float32, in PyTorch's order; the arithmetic is
 * that of the first version of this class (PyTorch 1.13's, unfused), so that runs made with it
 * reproduce bit for bit.
 *
 * <p>Like PyTorch, each parameter has its own step count, so a parameter first seen later starts
 * its bias correction afresh. State: {@code adam.m/NAME} and {@code adam.v/NAME} (the moments, in
 * the parameter's shape), with AMSGrad {@code adam.v_max/NAME}, and {@code adam.step/NAME} (1x1).
 */
public final class AdamOptimizer extends ParameterwiseOptimizer {
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
              "weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient (not AdamW)")
          .atLeast(0);

  /** Registers the optimizer as {@code adam}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare("adam", "Adam with bias correction, as torch.optim.Adam")
              .params(LEARNING_RATE, BETA1, BETA2, EPSILON, AMSGRAD, WEIGHT_DECAY),
          params ->
              new AdamOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(BETA1),
                  params.get(BETA2),
                  params.get(EPSILON),
                  params.get(AMSGRAD),
                  params.get(WEIGHT_DECAY)));
    }
  }

  static final String ID = "adam";

  /** Pieces of a split update start at multiples of this: whole vectors for any vector length. */
  private static final int SPLIT_ALIGN = 64;

  /**
   * An update's cost per value in the multiply-adds {@link Kernels#forRanges} counts: a square root
   * and a division make it about 16, so that only the large weight matrices are split.
   */
  private static final long COST_PER_VALUE = 16;

  private final SplitUpdate split = new SplitUpdate();
  private final double beta1;
  private final double beta2;
  private final float epsilon;
  private final boolean amsgrad;
  private final float weightDecay;

  public AdamOptimizer(
      double learningRate,
      double beta1,
      double beta2,
      double epsilon,
      boolean amsgrad,
      double weightDecay) {
    super(ID, learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = (float) epsilon;
    this.amsgrad = amsgrad;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    updateIfFinite(p, w, g, n, state);
  }

  @Override
  protected boolean updateIfFinite(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float oneMinusB1 = (float) (1 - beta1);
    float oneMinusB2 = (float) (1 - beta2);
    float wd = weightDecay;
    long t = state.nextStep(p);
    float stepSize = (float) (learningRate() / (1 - Math.pow(beta1, t)));
    float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    float[] ms = state.buffer("m", p);
    float[] vs = state.buffer("v", p);
    if (amsgrad) {
      float[] vMax = state.buffer("v_max", p);
      float nonFinite = 0f;
      for (int i = 0; i < n; i++) {
        nonFinite += g[i] - g[i];
        float d = wd == 0 ? g[i] : g[i] + wd * w[i];
        float mi = b1 * ms[i] + oneMinusB1 * d;
        float vi = b2 * vs[i] + oneMinusB2 * d * d;
        ms[i] = mi;
        vs[i] = vi;
        float vMaxI = Math.max(vMax[i], vi);
        vMax[i] = vMaxI;
        float denominator = (float) Math.sqrt(vMaxI) / correction2Sqrt + epsilon;
        w[i] -= stepSize * (mi / denominator);
      }
      return nonFinite == 0f;
    }
    if (Updates.VECTOR && wd == 0 && VectorUpdates.worth(n)) {
      SplitUpdate u = split;
      u.set(w, g, ms, vs, b1, oneMinusB1, b2, oneMinusB2, stepSize, correction2Sqrt, epsilon);
      try {
        kernels().forRanges(n, SPLIT_ALIGN, (long) n * COST_PER_VALUE, u);
        return u.finite;
      } finally {
        u.clear();
      }
    }
    return plainUpdate(
        w, g, ms, vs, 0, n, b1, oneMinusB1, b2, oneMinusB2, wd, stepSize, correction2Sqrt, epsilon);
  }

  /**
   * Adam without AMSGrad on values {@code [from, to)}, in plain loops: the definition {@link
   * VectorUpdates#adam} follows lane for lane. Returns false when the gradient was not finite.
   */
  static boolean plainUpdate(
      float[] w,
      float[] g,
      float[] ms,
      float[] vs,
      int from,
      int to,
      float b1,
      float oneMinusB1,
      float b2,
      float oneMinusB2,
      float wd,
      float stepSize,
      float correction2Sqrt,
      float epsilon) {
    float nonFinite = 0f;
    for (int i = from; i < to; i++) {
      // g - g is 0 unless g is infinite or NaN: the check costs no pass of its own.
      nonFinite += g[i] - g[i];
      // PyTorch skips the decay when it is 0, which matters only for non-finite weights.
      float d = wd == 0 ? g[i] : g[i] + wd * w[i];
      float mi = b1 * ms[i] + oneMinusB1 * d;
      float vi = b2 * vs[i] + oneMinusB2 * d * d;
      ms[i] = mi;
      vs[i] = vi;
      float denominator = (float) Math.sqrt(vi) / correction2Sqrt + epsilon;
      w[i] -= stepSize * (mi / denominator);
    }
    return nonFinite == 0f;
  }

  /**
   * The vector update of one parameter over pieces of its values, which the network's threads may
   * share: every value is updated by the same operations whichever piece it is in. Reused from step
   * to step, so that a step allocates nothing.
   */
  private static final class SplitUpdate implements ComputePool.RowTask {
    private float[] w;
    private float[] g;
    private float[] ms;
    private float[] vs;
    private float b1;
    private float oneMinusB1;
    private float b2;
    private float oneMinusB2;
    private float stepSize;
    private float correction2Sqrt;
    private float epsilon;
    // Only ever set to false by a piece, and read once every piece is done.
    boolean finite;

    void set(
        float[] w,
        float[] g,
        float[] ms,
        float[] vs,
        float b1,
        float oneMinusB1,
        float b2,
        float oneMinusB2,
        float stepSize,
        float correction2Sqrt,
        float epsilon) {
      this.w = w;
      this.g = g;
      this.ms = ms;
      this.vs = vs;
      this.b1 = b1;
      this.oneMinusB1 = oneMinusB1;
      this.b2 = b2;
      this.oneMinusB2 = oneMinusB2;
      this.stepSize = stepSize;
      this.correction2Sqrt = correction2Sqrt;
      this.epsilon = epsilon;
      this.finite = true;
    }

    void clear() {
      w = null;
      g = null;
      ms = null;
      vs = null;
    }

    @Override
    public void run(int from, int to) {
      if (!VectorUpdates.adam(
          w,
          g,
          ms,
          vs,
          from,
          to,
          b1,
          oneMinusB1,
          b2,
          oneMinusB2,
          stepSize,
          correction2Sqrt,
          epsilon)) {
        finite = false;
      }
    }
  }

  /**
   * Restores what {@link #state()} gave.
   *
   * @throws IllegalArgumentException for entries of another optimizer, or moments and step counts
   *     that are not there for the same parameters (a missing {@code v_max} starts from {@code v})
   */
  @Override
  public void restoreState(Map<String, Matrix> saved) {
    Set<String> m = parametersWith(saved, "m");
    Set<String> v = parametersWith(saved, "v");
    Set<String> steps = parametersWith(saved, "step");
    if (!m.equals(v) || !m.equals(steps)) {
      throw new IllegalArgumentException(
          "adam state is incomplete: first moments for "
              + m
              + ", second moments for "
              + v
              + ", step counts for "
              + steps);
    }
    super.restoreState(saved);
  }

  private static Set<String> parametersWith(Map<String, Matrix> saved, String buffer) {
    String prefix = ID + "." + buffer + "/";
    Set<String> names = new TreeSet<>();
    for (String key : saved.keySet()) {
      if (key.startsWith(prefix)) {
        names.add(key.substring(prefix.length()));
      }
    }
    return names;
  }
}
