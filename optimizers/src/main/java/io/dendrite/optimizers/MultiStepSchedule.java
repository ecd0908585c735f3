package io.dendrite.optimizers;

import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.SchedulePlugin;
import java.util.List;

/**
 * The rate times {@code gamma} at each milestone epoch, as PyTorch's {@code MultiStepLR}.
 *
 * <p>At epoch {@code e} (from 0) the rate is {@code lr * gamma^k}, {@code k} the number of
 * milestones at or before {@code e}. A milestone listed twice counts twice, as in PyTorch.
 */
public final class MultiStepSchedule implements Schedule {
  static final Param<List<Integer>> MILESTONES =
      Param.list(
          "milestones",
          new IntegerType(Range.ANY.withMin(1, true)),
          null,
          "epochs (from 0) at which the rate is multiplied by gamma, in any order");
  static final Param<Double> GAMMA =
      Param.number("gamma", 0.1, "factor applied to the rate at each milestone").greaterThan(0);

  /** Registers the schedule as {@code multi_step}. */
  public static final class Plugin extends SchedulePlugin.Base {
    public Plugin() {
      super(
          declare("multi_step", "the rate times gamma at each milestone epoch, as MultiStepLR")
              .params(MILESTONES, GAMMA),
          params -> new MultiStepSchedule(params.get(MILESTONES), params.get(GAMMA)));
    }
  }

  private final int[] milestones;
  private final double gamma;
  private double baseRate = Double.NaN;

  public MultiStepSchedule(List<Integer> milestones, double gamma) {
    this.milestones = milestones.stream().mapToInt(Integer::intValue).sorted().toArray();
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
      throw new IllegalStateException("multi_step: rate() before start()");
    }
    int passed = 0;
    while (passed < milestones.length && milestones[passed] <= epoch) {
      passed++;
    }
    return baseRate * Math.pow(gamma, passed);
  }
}
