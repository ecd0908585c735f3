package io.dendrite.optimizers;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;

/**
 * The one-cycle policy (Smith and Topin) over the whole run, as PyTorch's {@code OneCycleLR}.
 *
 * <p>The optimizer's rate is {@code max_lr}. The rate rises from {@code lr / div_factor} to {@code
 * lr} over the first {@code pct_start} of the steps, then falls to {@code lr / div_factor /
 * final_div_factor} at the last step, along a half cosine or a straight line ({@code
 * anneal_strategy}). With {@code three_phase} it falls back to {@code lr / div_factor} over as many
 * steps as it rose, then to the minimum. PyTorch's phases end at the same fractional steps ({@code
 * pct_start * T - 1}, ...). Unlike PyTorch's, it does not cycle the momentum: a schedule sets only
 * the learning rate.
 */
public final class OneCycleSchedule implements Schedule {
  static final Param<Double> PCT_START =
      Param.number("pct_start", 0.3, "fraction of the run spent raising the rate")
          .atLeast(0)
          .atMost(1);
  static final Param<Double> DIV_FACTOR =
      Param.number("div_factor", 25.0, "the starting rate is the optimizer's rate / div_factor")
          .greaterThan(0);
  static final Param<Double> FINAL_DIV_FACTOR =
      Param.number(
              "final_div_factor", 1e4, "the final rate is the starting rate / final_div_factor")
          .greaterThan(0);
  static final Param<String> ANNEAL_STRATEGY =
      Param.choice(
          "anneal_strategy",
          "cos",
          "shape of each phase: half cosine or straight line",
          "cos",
          "linear");
  static final Param<Boolean> THREE_PHASE =
      Param.bool("three_phase", false, "fall back to the starting rate before the final decay");

  /** Registers the schedule as {@code one_cycle}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("one_cycle", "up to the rate and down far below it over the run, as OneCycleLR")
              .params(PCT_START, DIV_FACTOR, FINAL_DIV_FACTOR, ANNEAL_STRATEGY, THREE_PHASE),
          params ->
              new OneCycleSchedule(
                  params.get(PCT_START),
                  params.get(DIV_FACTOR),
                  params.get(FINAL_DIV_FACTOR),
                  params.get(ANNEAL_STRATEGY).equals("cos"),
                  params.get(THREE_PHASE)));
    }
  }

  private final double pctStart;
  private final double divFactor;
  private final double finalDivFactor;
  private final boolean cosine;
  private final boolean threePhase;
  private double maxRate = Double.NaN;
  private double initialRate;
  private double minRate;
  // Phase i runs to phaseEnds[i] (a fractional step) from startRates[i] to endRates[i].
  private double[] phaseEnds;
  private double[] startRates;
  private double[] endRates;

  public OneCycleSchedule(
      double pctStart,
      double divFactor,
      double finalDivFactor,
      boolean cosine,
      boolean threePhase) {
    this.pctStart = pctStart;
    this.divFactor = divFactor;
    this.finalDivFactor = finalDivFactor;
    this.cosine = cosine;
    this.threePhase = threePhase;
  }

  /** {@link Interval#STEP}. */
  @Override
  public Interval interval() {
    return Interval.STEP;
  }

  @Override
  public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
    maxRate = baseRate;
    initialRate = maxRate / divFactor;
    minRate = initialRate / finalDivFactor;
    double rise = pctStart * totalSteps - 1;
    if (threePhase) {
      phaseEnds = new double[] {rise, 2 * pctStart * totalSteps - 2, totalSteps - 1};
      startRates = new double[] {initialRate, maxRate, initialRate};
      endRates = new double[] {maxRate, initialRate, minRate};
    } else {
      phaseEnds = new double[] {rise, totalSteps - 1};
      startRates = new double[] {initialRate, maxRate};
      endRates = new double[] {maxRate, minRate};
    }
  }

  @Override
  public double rate(long step, int epoch) {
    if (Double.isNaN(maxRate)) {
      throw new IllegalStateException("one_cycle: rate() before start()");
    }
    double phaseStart = 0.0;
    for (int i = 0; ; i++) {
      if (step <= phaseEnds[i] || i == phaseEnds.length - 1) {
        double length = phaseEnds[i] - phaseStart;
        // A phase of no length (one step in the whole run) is over at once.
        double pct = length == 0 ? 1 : (step - phaseStart) / length;
        return cosine
            ? endRates[i] + (startRates[i] - endRates[i]) / 2.0 * (Math.cos(Math.PI * pct) + 1)
            : (endRates[i] - startRates[i]) * pct + startRates[i];
      }
      phaseStart = phaseEnds[i];
    }
  }
}
