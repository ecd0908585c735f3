package io.dendrite.optimizers;

import io.dendrite.core.nn.Parameter;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Matrix;
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
