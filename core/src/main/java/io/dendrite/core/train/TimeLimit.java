package io.dendrite.core.train;

import java.util.Locale;

/** Stops training once it has run for a given time; the epoch in progress ends at that step. */
final class TimeLimit implements TrainingListener {
  private final long limitNanos;
  private final double seconds;
  private long start;

  TimeLimit(double seconds) {
    this.seconds = seconds;
    this.limitNanos = (long) (seconds * 1e9);
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    start = System.nanoTime();
  }

  @Override
  public void onStep(TrainingContext context, double loss) {
    if (System.nanoTime() - start >= limitNanos && !context.stopRequested()) {
      context.requestStop(
          String.format(Locale.ROOT, "time limit: training.max_seconds %.4g reached", seconds));
    }
  }
}
