package io.dendrite.core.train;

/** Hooks into training, for progress display, metric files, checkpoints and early stopping. */
public interface TrainingListener {
  /** Before the first epoch, once the data is loaded and the network built. */
  default void onStart(TrainingPlan plan) {}

  /** After each optimizer step; {@code step} counts from 1 to {@code steps} within the epoch. */
  default void onBatch(int epoch, int step, int steps, double loss) {}

  /** After each epoch, with its training and validation measurements. */
  default void onEpoch(EpochResult result) {}

  /** After the final evaluation on the test examples (not called when there are none). */
  default void onTest(Evaluation test) {}
}
