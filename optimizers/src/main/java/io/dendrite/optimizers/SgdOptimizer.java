package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.ParamProblem;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ParameterState;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, as {@code torch.optim.SGD}.
 *
 * <p>It has dampening and L2 weight decay too, and follows PyTorch step for step. With {@code d = g
 * + weight_decay * p}: the momentum buffer starts as {@code d} on the first step and is {@code b =
 * momentum * b + (1 - dampening) * d} after; the update is {@code p -= lr * b}, or {@code p -= lr *
 * (d + momentum * b)} with Nesterov. Without momentum it is {@code p -= lr * d} and there is no
 * state.
 *
 * <p>The float32 arithmetic is that of the first version of this class, unfused, so that runs made
 * with it reproduce bit for bit; PyTorch's kernels fuse some of the multiply-adds, which moves a
 * value by a rounding step now and then.
 */
public final class SgdOptimizer extends ParameterwiseOptimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  static final Param<Double> MOMENTUM =
      Param.number("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0).lessThan(1);
  static final Param<Double> DAMPENING =
      Param.number("dampening", 0.0, "scales the gradient added to the momentum by 1 - dampening")
          .atLeast(0)
          .atMost(1);
  static final Param<Boolean> NESTEROV =
      Param.bool("nesterov", false, "use Nesterov momentum (needs momentum > 0 and dampening 0)");
  static final Param<Double> WEIGHT_DECAY =
      Param.number("weight_decay", 0.0, "L2 penalty: adds weight_decay * p to each gradient")
          .atLeast(0);

  /** Registers the optimizer as {@code sgd}. */
  public static final class Plugin extends OptimizerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "sgd",
                  "stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD")
              .params(LEARNING_RATE, MOMENTUM, DAMPENING, NESTEROV, WEIGHT_DECAY),
          params ->
              new SgdOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(MOMENTUM),
                  params.get(DAMPENING),
                  params.get(NESTEROV),
                  params.get(WEIGHT_DECAY)));
    }
  }

  static final String ID = "sgd";
  static final String MOMENTUM_BUFFER = "momentum";

  /** Pieces of a split update start at multiples of this: whole vectors for any vector length. */
  private static final int SPLIT_ALIGN = 64;

  /**
   * An update's cost per value in the multiply-adds {@link Kernels#forRanges} counts: it reads and
   * writes memory more than it computes, so that only the large weight matrices are split.
   */
  private static final long COST_PER_VALUE = 4;

  private final SplitUpdate split = new SplitUpdate();
  private final float momentum;
  private final float oneMinusDampening;
  private final boolean nesterov;
  private final float weightDecay;

  /**
   * SGD as {@code torch.optim.SGD(lr, momentum, dampening, weight_decay, nesterov)}.
   *
   * @throws ParamException for Nesterov momentum without momentum or with dampening, which PyTorch
   *     refuses too
   */
  public SgdOptimizer(
      double learningRate,
      double momentum,
      double dampening,
      boolean nesterov,
      double weightDecay) {
    super(ID, learningRate);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new ParamException(
          List.of(
              new ParamProblem(
                  NESTEROV.name(),
                  ParamProblem.Reason.INVALID,
                  "Nesterov momentum needs momentum > 0 and dampening 0 (as in torch.optim.SGD),"
                      + " found momentum "
                      + momentum
                      + " and dampening "
                      + dampening)));
    }
    this.momentum = (float) momentum;
    this.oneMinusDampening = (float) (1 - dampening);
    this.nesterov = nesterov;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    updateIfFinite(p, w, g, n, state);
  }

  @Override
  protected boolean updateIfFinite(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    float lr = (float) learningRate();
    float wd = weightDecay;
    if (momentum == 0) {
      return Updates.VECTOR && wd == 0 && VectorUpdates.worth(n)
          ? split(w, g, null, n, lr, 0f, 1f)
          : plainUpdate(w, g, 0, n, lr, wd);
    }
    boolean first = !state.has(MOMENTUM_BUFFER, p);
    float[] b = state.buffer(MOMENTUM_BUFFER, p);
    // Without dampening the factor is 1, and 1 * d is d exactly: the arithmetic of runs made
    // before dampening existed.
    float damp = oneMinusDampening;
    return Updates.VECTOR && wd == 0 && !first && !nesterov && VectorUpdates.worth(n)
        ? split(w, g, b, n, lr, momentum, damp)
        : plainMomentumUpdate(w, g, b, 0, n, lr, wd, momentum, damp, first, nesterov);
  }

  /** The vector update over pieces the network's threads share; {@code b} null: no momentum. */
  private boolean split(float[] w, float[] g, float[] b, int n, float lr, float m, float damp) {
    SplitUpdate u = split;
    u.set(w, g, b, lr, m, damp);
    try {
      kernels().forRanges(n, SPLIT_ALIGN, (long) n * COST_PER_VALUE, u);
      return u.finite;
    } finally {
      u.clear();
    }
  }

  /** SGD without momentum on values {@code [from, to)}; false when the gradient was not finite. */
  static boolean plainUpdate(float[] w, float[] g, int from, int to, float lr, float wd) {
    float nonFinite = 0f;
    for (int i = from; i < to; i++) {
      nonFinite += g[i] - g[i];
      float d = wd == 0 ? g[i] : g[i] + wd * w[i];
      w[i] -= lr * d;
    }
    return nonFinite == 0f;
  }

  /** SGD with momentum on values {@code [from, to)}; false when the gradient was not finite. */
  static boolean plainMomentumUpdate(
      float[] w,
      float[] g,
      float[] b,
      int from,
      int to,
      float lr,
      float wd,
      float momentum,
      float damp,
      boolean first,
      boolean nesterov) {
    float nonFinite = 0f;
    for (int i = from; i < to; i++) {
      nonFinite += g[i] - g[i];
      float d = wd == 0 ? g[i] : g[i] + wd * w[i];
      float buf = first ? d : momentum * b[i] + damp * d;
      b[i] = buf;
      w[i] -= lr * (nesterov ? d + momentum * buf : buf);
    }
    return nonFinite == 0f;
  }

  /**
   * The vector update of one parameter over pieces of its values: every value is updated by the
   * same operations whichever piece it is in, so any thread count gives the same bits. Reused from
   * step to step, so that a step allocates nothing.
   */
  private static final class SplitUpdate implements ComputePool.RowTask {
    private float[] w;
    private float[] g;
    private float[] b;
    private float lr;
    private float momentum;
    private float damp;
    // Only ever set to false by a piece, and read once every piece is done.
    boolean finite;

    void set(float[] w, float[] g, float[] b, float lr, float momentum, float damp) {
      this.w = w;
      this.g = g;
      this.b = b;
      this.lr = lr;
      this.momentum = momentum;
      this.damp = damp;
      this.finite = true;
    }

    void clear() {
      w = null;
      g = null;
      b = null;
    }

    @Override
    public void run(int from, int to) {
      boolean ok =
          b == null
              ? VectorUpdates.sgd(w, g, from, to, lr)
              : VectorUpdates.sgdMomentum(w, g, b, from, to, lr, momentum, damp);
      if (!ok) {
        finite = false;
      }
    }
  }
}
