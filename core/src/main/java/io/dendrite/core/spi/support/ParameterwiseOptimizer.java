package io.dendrite.core.spi.support;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Base for optimizers that update each parameter on its own: implement {@link #update} with the
 * {@link ParameterState} it is given, and the learning rate, the float32 checks, {@link #state()}
 * and {@link #restoreState} come with it.
 *
 * <pre>{@code
 * protected void update(Parameter p, float[] w, float[] g, int n, ParameterState s) {
 *   float[] v = s.buffer("v", p);
 *   ...
 * }
 * }</pre>
 */
public abstract class ParameterwiseOptimizer implements Optimizer {
  private final String id;
  private final ParameterState state;
  private double learningRate;
  private Kernels kernels = Kernels.singleThreaded();

  /** An optimizer {@code id} (the prefix of its state entries) starting at {@code learningRate}. */
  protected ParameterwiseOptimizer(String id, double learningRate) {
    this.id = id;
    this.state = new ParameterState(id);
    this.learningRate = ParameterState.requireLearningRate(learningRate);
  }

  /**
   * Updates the {@code n} values {@code w} of {@code p} from their gradient {@code g}, keeping what
   * it must remember in {@code state}. Must not allocate.
   */
  protected abstract void update(Parameter p, float[] w, float[] g, int n, ParameterState state);

  /**
   * Like {@link #update}, but returns false when {@code g} holds a non-finite value, in which case
   * the values may be partly updated. An override should find it in the pass that updates (for
   * example by summing {@code g[i] - g[i]}, which is 0 unless {@code g[i]} is infinite or NaN); the
   * default scans {@code g} first, then updates.
   */
  protected boolean updateIfFinite(Parameter p, float[] w, float[] g, int n, ParameterState state) {
    if (!p.gradient().allFinite()) {
      return false;
    }
    update(p, w, g, n, state);
    return true;
  }

  @Override
  public final int stepIfFinite(List<Parameter> parameters) {
    for (int k = 0; k < parameters.size(); k++) {
      Parameter p = parameters.get(k);
      ParameterState.requireFloat32(id, p);
      if (!updateIfFinite(p, p.value().floats(), p.gradient().floats(), p.value().size(), state)) {
        return k;
      }
    }
    return -1;
  }

  @Override
  public final void step(List<Parameter> parameters) {
    for (int k = 0; k < parameters.size(); k++) {
      Parameter p = parameters.get(k);
      ParameterState.requireFloat32(id, p);
      update(p, p.value().floats(), p.gradient().floats(), p.value().size(), state);
    }
  }

  /** Keeps the network's kernels for {@link #kernels()}. */
  @Override
  public void useKernels(Kernels kernels) {
    this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
  }

  /**
   * The kernels of the network served, for splitting large updates over its threads ({@link
   * Kernels#forRanges}); single-threaded until {@link #useKernels} is called.
   */
  protected final Kernels kernels() {
    return kernels;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double rate) {
    learningRate = ParameterState.requireLearningRate(rate);
  }

  @Override
  public Map<String, Matrix> state() {
    return state.state();
  }

  @Override
  public void restoreState(Map<String, Matrix> saved) {
    state.restore(saved);
  }
}
