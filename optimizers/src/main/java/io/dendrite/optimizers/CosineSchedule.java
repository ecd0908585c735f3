package io.dendrite.optimizers;

import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * Cosine annealing over the whole run, after an optional linear warmup.
 *
 * <p>As PyTorch's {@code SequentialLR} of {@code LinearLR(start_factor, total_iters=warmup_steps)}
 * and {@code CosineAnnealingLR(T_max=total_steps - warmup_steps, eta_min=min_lr)}.
 *
 * <p>At step {@code s} (from 0), with {@code W} warmup steps and {@code T} steps in the run: while
 * {@code s < W}, {@code lr * (f + (1 - f) s / W)}; then, with {@code k = s - W}, {@code min_lr +
 * (lr - min_lr) (1 + cos(pi k / (T - W))) / 2}. The rate reaches {@code min_lr} as the run ends (at
 * {@code s = T}, as PyTorch's does after its last {@code scheduler.step()}).
 */
public final class CosineSchedule implements Schedule {
  static final Param<Integer> WARMUP_STEPS =
      Param.of(
          "warmup_steps",
          new IntegerType(Range.ANY.withMin(0, true)),
          0,
          "steps of linear warmup before the cosine; 0 for none");
  static final Param<Double> START_FACTOR =
      Param.number(
              "start_factor",
              1.0 / 3,
              "the first warmup step's rate as a fraction of the optimizer's")
          .greaterThan(0)
          .atMost(1);
  static final Param<Double> MIN_LR =
      Param.number("min_lr", 0.0, "the rate the cosine anneals to at the end of the run")
          .atLeast(0);

  /** Registers the schedule as {@code cosine}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare(
                  "cosine",
                  "optional linear warmup, then cosine annealing to min_lr over the run, as"
                      + " CosineAnnealingLR")
              .params(WARMUP_STEPS, START_FACTOR, MIN_LR),
          params ->
              new CosineSchedule(
                  params.get(WARMUP_STEPS), params.get(START_FACTOR), params.get(MIN_LR)));
    }
  }

  private final int warmupSteps;
  private final double startFactor;
  private final double minRate;
  private double baseRate = Double.NaN;
  private long annealingSteps;

  public CosineSchedule(int warmupSteps, double startFactor, double minRate) {
    this.warmupSteps = warmupSteps;
    this.startFactor = startFactor;
    this.minRate = minRate;
  }

  /** {@link Interval#STEP}. */
  @Override
  public Interval interval() {
    return Interval.STEP;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    this.baseRate = baseRate;
    // A run no longer than its warmup still has a cosine of one step, so no division by 0.
    this.annealingSteps = Math.max(1, totalSteps - warmupSteps);
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(baseRate)) {
      throw new IllegalStateException("cosine: rate() before start()");
    }
    if (step < warmupSteps) {
      return LinearWarmupSchedule.warmup(baseRate, startFactor, warmupSteps, step);
    }
    long k = Math.min(step - warmupSteps, annealingSteps);
    return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * k / annealingSteps)) / 2;
  }
}
