package io.dendrite.core.spi;

import io.dendrite.core.tensor.Matrix;
import java.util.Map;

/**
 * A learning-rate schedule: the rate for each step of training, from the optimizer's base rate.
 *
 * <p>Chosen under the optimizer ({@code optimizer: {type: adam, learning_rate: 0.001, schedule:
 * {type: cosine}}}). The trainer asks it for the rate before every step (or, for {@link
 * Interval#EPOCH} schedules, once an epoch) and sets it on the optimizer, so an optimizer knows
 * nothing of schedules. Positions count from 0, as PyTorch's {@code last_epoch} does after
 * construction.
 */
public interface Schedule {
  /** How often the rate may change. */
  enum Interval {
    /** Before every optimizer step. */
    STEP,
    /** Before every epoch, held for its steps. */
    EPOCH
  }

  /** How often the rate may change; the trainer asks no more often. */
  Interval interval();

  /**
   * Called once before training: the optimizer's configured rate and the length of the run, for
   * schedules that span it (cosine, one cycle, polynomial).
   */
  default void start(double baseRate, long totalSteps, int stepsPerEpoch) {}

  /**
   * The rate for the step about to be taken: {@code step} counts steps over the whole run from 0,
   * {@code epoch} epochs from 0.
   */
  double rate(long step, int epoch);

  /**
   * After each epoch, with what was measured: {@code loss}, {@code val_loss} and each metric by
   * name ({@code accuracy}, {@code val_accuracy}). Schedules that follow a measurement ({@code
   * reduce_on_plateau}) use it.
   */
  default void observe(int epoch, Map<String, Double> measurements) {}

  /** What the schedule remembers beyond its position (a reduced rate), for checkpoints. */
  default Map<String, Matrix> state() {
    return Map.of();
  }

  /** Restores what {@link #state()} returned. */
  default void restoreState(Map<String, Matrix> state) {}
}
