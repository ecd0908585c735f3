package io.dendrite.core.train;

import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * Works on a step's gradients after they are computed and before the optimizer applies them:
 * gradient clipping, learning-rate schedules, and an all-reduce across workers all go here, in the
 * order given to the {@link Trainer}.
 *
 * <p>It runs once per step and must not allocate.
 */
public interface GradientProcessor {
  /** Changes {@code parameters}' gradients, or the optimizer's learning rate, for this step. */
  void process(TrainingContext context, List<Parameter> parameters);
}
