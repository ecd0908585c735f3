package io.dendrite.core.spi;

import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients, once per mini-batch.
 *
 * <p>An instance serves one network: it may keep per-parameter state (momentum, moment estimates)
 * keyed by {@link Parameter#name()}, allocated on the first step. That state is exposed so that
 * checkpoints can save it and a resumed run continues bit for bit.
 */
public interface Optimizer {
  /** Applies one update to every parameter's value, using its gradient. */
  void step(List<Parameter> parameters);

  /**
   * Applies one update like {@link #step}, unless a gradient holds a non-finite value: then returns
   * the index of the first such parameter in {@code parameters}, else -1.
   *
   * <p>Training calls this at every step, so an implementation should find a non-finite gradient in
   * the pass that applies the update rather than in a pass of its own; it may then leave the update
   * partly applied, as training stops at such a step. The default scans every gradient first.
   */
  default int stepIfFinite(List<Parameter> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      if (!parameters.get(i).gradient().allFinite()) {
        return i;
      }
    }
    step(parameters);
    return -1;
  }

  /**
   * Offers the kernels of the network this optimizer serves, once, before its first step: an
   * optimizer may split its per-value work over their threads with {@link Kernels#forRanges}, as
   * long as each value's update is the same whichever piece computes it (so that results do not
   * depend on the thread count). The default ignores them.
   */
  default void useKernels(Kernels kernels) {}

  /** The learning rate the next step will use. */
  double learningRate();

  /** Changes the learning rate for the following steps (schedules call this between steps). */
  void setLearningRate(double learningRate);

  /** The optimizer's state as named matrices (counters as 1x1), for checkpoints. */
  default Map<String, Matrix> state() {
    return Map.of();
  }

  /** Restores what {@link #state()} returned. */
  default void restoreState(Map<String, Matrix> state) {}
}
