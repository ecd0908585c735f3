package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * A polynomial decay from the rate to {@code end_lr} over the whole run, as {@code PolynomialLR}.
 *
 * <p>At step {@code s} (from 0) of {@code T}: {@code (lr - end_lr) (1 - s / T)^power + end_lr},
 * PyTorch's {@code PolynomialLR} with {@code total_iters} the run's steps. PyTorch's decays to 0;
 * {@code end_lr} is the floor of Keras' and Hugging Face's polynomial decays. The rate reaches
 * {@code end_lr} as the run ends (at {@code s = T}).
 */
public final class PolynomialSchedule implements Schedule {
  static final Param<Double> POWER =
      Param.number("power", 1.0, "the exponent of the decay; 1 is linear").greaterThan(0);
  static final Param<Double> END_LR =
      Param.number("end_lr", 0.0, "the rate the decay ends at").atLeast(0);

  /** Registers the schedule as {@code polynomial}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("polynomial", "a polynomial decay to end_lr over the run, as PolynomialLR")
              .params(POWER, END_LR),
          params -> new PolynomialSchedule(params.get(POWER), params.get(END_LR)));
    }
  }

  private final double power;
  private final double endRate;
  private double baseRate = Double.NaN;
  private long totalSteps;

  public PolynomialSchedule(double power, double endRate) {
    this.power = power;
    this.endRate = endRate;
  }

  /** {@link Interval#STEP}. */
  @Override
  public Interval interval() {
    return Interval.STEP;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    this.baseRate = baseRate;
    this.totalSteps = Math.max(1, totalSteps);
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(baseRate)) {
      throw new IllegalStateException("polynomial: rate() before start()");
    }
    double remaining = 1.0 - (double) Math.min(totalSteps, step) / totalSteps;
    return (baseRate - endRate) * Math.pow(remaining, power) + endRate;
  }
}
