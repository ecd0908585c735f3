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
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * following {@code torch.optim.SGD} (without dampening) step for step.
 *
 * <p>With {@code d = g + weight_decay * p}: the momentum buffer starts as {@code d} on the first
 * step and is {@code b = momentum * b + d} after; the update is {@code p -= lr * b}, or {@code p -=
 * lr * (d + momentum * b)} with Nesterov. Without momentum it is {@code p -= lr * d} and there is
 * no state.
 */
public final class SgdOptimizer implements Optimizer {
  static final Param<Double> LEARNING_RATE =
      Param.number("learning_rate", 0.01, "step size").greaterThan(0);
  static final Param<Double> MOMENTUM =
      Param.number("momentum", 0.0, "momentum factor; 0 turns momentum off").atLeast(0).lessThan(1);
  static final Param<Boolean> NESTEROV =
      Param.bool("nesterov", false, "use Nesterov momentum (no effect when momentum is 0)");
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
              .params(LEARNING_RATE, MOMENTUM, NESTEROV, WEIGHT_DECAY),
          params ->
              new SgdOptimizer(
                  params.get(LEARNING_RATE),
                  params.get(MOMENTUM),
                  params.get(NESTEROV),
                  params.get(WEIGHT_DECAY)));
    }
  }

  static final String MOMENTUM_STATE = "sgd.momentum";

  private double learningRate;
  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;
  private final ParameterBuffers buffers = new ParameterBuffers(MOMENTUM_STATE);

  public SgdOptimizer(double learningRate, double momentum, boolean nesterov, double weightDecay) {
    this.learningRate = OptimizerChecks.requireLearningRate(learningRate);
    this.momentum = (float) momentum;
    this.nesterov = nesterov;
    this.weightDecay = (float) weightDecay;
  }

  @Override
  public void step(List<Parameter> parameters) {
    float lr = (float) learningRate;
    float wd = weightDecay;
    for (int k = 0; k < parameters.size(); k++) {
      Parameter p = parameters.get(k);
      OptimizerChecks.requireFloat32("sgd", p);
      float[] w = p.value().floats();
      float[] g = p.gradient().floats();
      int n = p.value().size();
      if (momentum == 0) {
        for (int i = 0; i < n; i++) {
          float d = wd == 0 ? g[i] : g[i] + wd * w[i];
          w[i] -= lr * d;
        }
        continue;
      }
      boolean first = !buffers.has(p);
      float[] b = buffers.of(p);
      for (int i = 0; i < n; i++) {
        float d = wd == 0 ? g[i] : g[i] + wd * w[i];
        float buf = first ? d : momentum * b[i] + d;
        b[i] = buf;
        w[i] -= lr * (nesterov ? d + momentum * buf : buf);
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

  @Override
  public Map<String, Matrix> state() {
    Map<String, Matrix> state = new LinkedHashMap<>();
    buffers.saveTo(state);
    return state;
  }

  @Override
  public void restoreState(Map<String, Matrix> state) {
    Set<String> used = new HashSet<>();
    buffers.restoreFrom(state, used);
    OptimizerChecks.requireAllUsed("sgd", state, used);
  }
}
