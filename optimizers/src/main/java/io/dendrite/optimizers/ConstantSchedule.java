package io.dendrite.optimizers;

import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/** The optimizer's rate throughout: what training does with no schedule, as a schedule. */
public final class ConstantSchedule implements Schedule {
  /** Registers the schedule as {@code constant}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super("constant", "the optimizer's learning rate throughout", ConstantSchedule::new);
    }
  }

  private double baseRate = Double.NaN;

  /** {@link Interval#EPOCH}: the rate never changes, so once an epoch is plenty. */
  @Override
  public Interval interval() {
    return Interval.EPOCH;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    this.baseRate = baseRate;
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(baseRate)) {
      throw new IllegalStateException("constant: rate() before start()");
    }
    return baseRate;
  }
}
