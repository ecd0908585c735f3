package io.dendrite.optimizers;

import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * The rate times {@code gamma} every {@code step_size} epochs, as PyTorch's {@code StepLR}.
 *
 * <p>At epoch {@code e} (from 0): {@code lr * gamma^floor(e / step_size)}.
 */
public final class StepSchedule implements Schedule {
  static final Param<Integer> STEP_SIZE =
      Param.of(
          "step_size",
          new IntegerType(Range.ANY.withMin(1, true)),
          null,
          "epochs between two decays of the rate");
  static final Param<Double> GAMMA =
      Param.number("gamma", 0.1, "factor applied to the rate at each decay").greaterThan(0);

  /** Registers the schedule as {@code step}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("step", "the rate times gamma every step_size epochs, as StepLR")
              .params(STEP_SIZE, GAMMA),
          params -> new StepSchedule(params.get(STEP_SIZE), params.get(GAMMA)));
    }
  }

  private final int stepSize;
  private final double gamma;
  private double baseRate = Double.NaN;

  public StepSchedule(int stepSize, double gamma) {
    this.stepSize = stepSize;
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
      throw new IllegalStateException("step: rate() before start()");
    }
    return baseRate * Math.pow(gamma, epoch / stepSize);
  }
}
