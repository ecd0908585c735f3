package io.dendrite.optimizers;

import io.dendrite.core.param.NumberType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * The rate times {@code gamma} every epoch, as {@code torch.optim.lr_scheduler.ExponentialLR}:
 * {@code lr * gamma^epoch}, epochs from 0.
 */
public final class ExponentialSchedule implements Schedule {
  static final Param<Double> GAMMA =
      Param.of(
          "gamma",
          new NumberType(Range.ANY.withMin(0, false)),
          null,
          "factor applied to the rate every epoch");

  /** Registers the schedule as {@code exponential}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("exponential", "the rate times gamma every epoch, as ExponentialLR")
              .params(GAMMA),
          params -> new ExponentialSchedule(params.get(GAMMA)));
    }
  }

  private final double gamma;
  private double baseRate = Double.NaN;

  public ExponentialSchedule(double gamma) {
    this.gamma = gamma;
  }

  /** {@link Interval#EPOCH}. */
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
      throw new IllegalStateException("exponential: rate() before start()");
    }
    return baseRate * Math.pow(gamma, epoch);
  }
}
