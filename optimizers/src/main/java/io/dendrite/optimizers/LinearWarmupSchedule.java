package io.dendrite.optimizers;

import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * A linear ramp up to the optimizer's rate, then that rate, as PyTorch's {@code LinearLR}.
 *
 * <p>The ramp goes from {@code start_factor * lr} at step 0 to {@code lr} at {@code warmup_steps}:
 * at step {@code s}, {@code lr * (f + (1 - f) * min(s, warmup_steps) / warmup_steps)}.
 */
public final class LinearWarmupSchedule implements Schedule {
  static final Param<Integer> WARMUP_STEPS =
      Param.of(
          "warmup_steps",
          new IntegerType(Range.ANY.withMin(1, true)),
          null,
          "steps until the rate reaches the optimizer's rate");
  static final Param<Double> START_FACTOR =
      Param.number(
              "start_factor", 1.0 / 3, "the first step's rate as a fraction of the optimizer's")
          .greaterThan(0)
          .atMost(1);

  /** Registers the schedule as {@code linear_warmup}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("linear_warmup", "a linear ramp up to the rate, then the rate, as LinearLR")
              .params(WARMUP_STEPS, START_FACTOR),
          params -> new LinearWarmupSchedule(params.get(WARMUP_STEPS), params.get(START_FACTOR)));
    }
  }

  private final int warmupSteps;
  private final double startFactor;
  private double baseRate = Double.NaN;

  public LinearWarmupSchedule(int warmupSteps, double startFactor) {
    this.warmupSteps = warmupSteps;
    this.startFactor = startFactor;
  }

  /** {@link Interval#STEP}. */
  @Override
  public Interval interval() {
    return Interval.STEP;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    this.baseRate = baseRate;
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(baseRate)) {
      throw new IllegalStateException("linear_warmup: rate() before start()");
    }
    return warmup(baseRate, startFactor, warmupSteps, step);
  }

  /**
   * LinearLR's closed form, from {@code start * base} at step 0 to {@code base} at {@code steps}.
   */
  static double warmup(double base, double start, long steps, long step) {
    return base * (start + (1.0 - start) * Math.min(steps, step) / steps);
  }
}
