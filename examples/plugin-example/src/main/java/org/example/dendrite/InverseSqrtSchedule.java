package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * The Transformer's schedule (Vaswani et al., 2017): a linear warm-up to the optimizer's rate, then
 * a decay with the inverse square root of the step.
 */
public final class InverseSqrtSchedule implements Schedule {
  static final Param<Integer> WARMUP_STEPS =
      Param.integer("warmup_steps", 100, "steps of linear warm-up; the full rate is reached after")
          .atLeast(1);

  /** Registers the schedule as {@code inverse_sqrt}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("inverse_sqrt", "linear warm-up, then decay as 1 / sqrt(step)")
              .params(WARMUP_STEPS),
          params -> new InverseSqrtSchedule(params.get(WARMUP_STEPS)));
    }
  }

  private final int warmupSteps;
  private double baseRate = Double.NaN;

  InverseSqrtSchedule(int warmupSteps) {
    this.warmupSteps = warmupSteps;
  }

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
    double s = step + 1;
    return baseRate * Math.min(s / warmupSteps, Math.sqrt(warmupSteps / s));
  }
}
