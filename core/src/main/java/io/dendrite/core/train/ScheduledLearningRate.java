package io.dendrite.core.train;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets the optimizer's learning rate from a {@link Schedule} before every step (or every epoch),
 * and tells the schedule what each epoch measured. The optimizer's configured rate is the base.
 */
final class ScheduledLearningRate implements GradientProcessor, TrainingListener {
  private final Schedule schedule;
  private final boolean everyStep;
  private final double baseRate;

  /** Drives {@code schedule} from {@code baseRate}, the optimizer's configured learning rate. */
  ScheduledLearningRate(Schedule schedule, double baseRate) {
    this.schedule = schedule;
    this.everyStep = schedule.interval() == Schedule.Interval.STEP;
    this.baseRate = baseRate;
  }

  Schedule schedule() {
    return schedule;
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    schedule.start(baseRate, (long) plan.epochs() * plan.stepsPerEpoch(), plan.stepsPerEpoch());
  }

  @Override
  public void process(TrainingContext context, List<Parameter> parameters) {
    if (everyStep || context.step() == 1) {
      context
          .optimizer()
          .setLearningRate(schedule.rate(context.globalStep() - 1, context.epoch() - 1));
    }
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    schedule.observe(result.epoch() - 1, measurements(result));
  }

  /** {@code loss}, {@code val_loss}, and every metric's value by name, with {@code val_}. */
  static Map<String, Double> measurements(EpochResult result) {
    Map<String, Double> m = new LinkedHashMap<>();
    add("", result.train(), m);
    result.validation().ifPresent(v -> add("val_", v, m));
    return m;
  }

  private static void add(String prefix, Evaluation e, Map<String, Double> into) {
    into.put(prefix + "loss", e.loss());
    for (Map.Entry<String, MetricValue> metric : e.metrics().entrySet()) {
      into.put(prefix + metric.getKey(), metric.getValue().value());
    }
  }
}
