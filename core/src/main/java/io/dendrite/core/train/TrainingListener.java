package io.dendrite.core.train;

/**
 * Hooks into training: progress display, metric files, checkpoints, early stopping, reports.
 *
 * <p>Every hook sees the run's {@link TrainingContext}, and may stop training with {@link
 * TrainingContext#requestStop}. {@link #onStep} runs after every optimizer step and must not
 * allocate.
 */
public interface TrainingListener {
  /** Before the first epoch, once the data is loaded and the network built. */
  default void onStart(TrainingContext context, TrainingPlan plan) {}

  /**
   * After {@link #onStart} when a run continues from a checkpoint, with the epochs it had finished:
   * a metrics file starts again from them.
   */
  default void onResume(TrainingContext context, java.util.List<EpochResult> done) {}

  /** After each optimizer step, with that step's loss. */
  default void onStep(TrainingContext context, double loss) {}

  /** After each epoch, with its training and validation measurements. */
  default void onEpoch(TrainingContext context, EpochResult result) {}

  /** After the final evaluation on the test examples (not called when there are none). */
  default void onTest(TrainingContext context, Evaluation test) {}
}
