package io.dendrite.core.train;

import io.dendrite.core.experiment.Experiment;
import java.util.List;

/**
 * Trains and evaluates an experiment, reporting to listeners as it goes: in this process ({@link
 * ExperimentTrainer}), or on workers elsewhere whose events are played here ({@link
 * TrainingReplay}), so that the run directory is written by the same listeners either way.
 */
public interface ExperimentTraining {
  /**
   * Trains and evaluates {@code experiment}, reporting to {@code listener}, with {@code processors}
   * between computing and applying every step's gradients.
   */
  TrainingResult run(
      Experiment experiment, TrainingListener listener, List<GradientProcessor> processors);

  /**
   * Continues {@code experiment} from {@code checkpoint}, taken at the end of one of its epochs by
   * the same experiment, with the bits of the run that never stopped.
   *
   * @throws io.dendrite.core.DendriteException of kind config where this way of training cannot
   *     resume
   */
  default TrainingResult resume(
      Experiment experiment,
      TrainingCheckpoint checkpoint,
      TrainingListener listener,
      List<GradientProcessor> processors) {
    throw io.dendrite.core.DendriteException.config(
        "this way of training cannot resume from a checkpoint; run it again");
  }
}
