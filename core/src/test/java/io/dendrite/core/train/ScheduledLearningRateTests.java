package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledLearningRateTests {
  /** Rate base / (1 + step + 10 epoch), recording every call it gets. */
  static final class Recording implements Schedule {
    final List<String> calls = new ArrayList<>();
    private final Interval interval;
    private double base;

    Recording(Interval interval) {
      this.interval = interval;
    }

    @Override
    public Interval interval() {
      return interval;
    }

    @Override
    public void start(double baseRate, long totalSteps, int stepsPerEpoch) {
      base = baseRate;
      calls.add("start " + baseRate + " " + totalSteps + " " + stepsPerEpoch);
    }

    @Override
    public double rate(long step, int epoch) {
      calls.add("rate " + step + " " + epoch);
      return base / (1 + step + 10 * epoch);
    }

    @Override
    public void observe(int epoch, Map<String, Double> measurements) {
      calls.add("observe " + epoch + " " + measurements.keySet());
    }

    @Override
    public Map<String, Matrix> state() {
      return Map.of("calls", Matrix.wrap(1, 1, new float[] {calls.size()}));
    }

    @Override
    public void restoreState(Map<String, Matrix> state) {
      calls.add("restore " + state.get("calls").get(0));
    }
  }

  /** Plain SGD with the {@code recording} schedule as its setting. */
  private static ComponentSpec scheduledSgd() {
    return new ComponentSpec(
        PluginKind.OPTIMIZER,
        "sgd",
        Params.empty(),
        Params.resolve(
            List.of(Experiment.SCHEDULE),
            Map.of("schedule", spec(PluginKind.SCHEDULE, "recording"))));
  }

  private final List<Recording> made = new ArrayList<>();
  private final List<Double> rates = new ArrayList<>();

  private TrainingResult run(Schedule.Interval interval) {
    Map<String, Object> values = XorRuns.values("xor16", 2, 5);
    values.put("optimizer", scheduledSgd());
    values.put("metrics", List.of(spec(PluginKind.METRIC, "accuracy")));
    XorRuns.data(values).put("validation_split", 0.25);
    var local = XorRuns.components(0.5);
    local.put(
        "recording",
        () -> {
          Recording r = new Recording(interval);
          made.add(r);
          return r;
        });
    return XorRuns.trainer(local)
        .run(
            XorRuns.experiment(values),
            new TrainingListener() {
              @Override
              public void onStep(TrainingContext context, double loss) {
                rates.add(context.learningRate());
              }
            },
            List.of());
  }

  @Test
  void aStepScheduleSetsTheRateOfEveryStepFromTheOptimizersRate() {
    // 12 training examples in batches of 5: 3 steps an epoch, 6 in all.
    TrainingResult result = run(Schedule.Interval.STEP);
    assertThat(made).hasSize(1);
    assertThat(made.get(0).calls)
        .containsExactly(
            "start 0.5 6 3",
            "rate 0 0",
            "rate 1 0",
            "rate 2 0",
            "observe 0 [loss, accuracy, val_loss, val_accuracy]",
            "rate 3 1",
            "rate 4 1",
            "rate 5 1",
            "observe 1 [loss, accuracy, val_loss, val_accuracy]");
    assertThat(rates).containsExactly(0.5, 0.25, 0.5 / 3, 0.5 / 14, 0.5 / 15, 0.5 / 16);
    assertThat(result.epochs().get(1).learningRate()).isEqualTo(0.5 / 16);
  }

  @Test
  void anEpochScheduleSetsTheRateAtEachEpochsFirstStep() {
    run(Schedule.Interval.EPOCH);
    assertThat(made.get(0).calls)
        .containsExactly(
            "start 0.5 6 3",
            "rate 0 0",
            "observe 0 [loss, accuracy, val_loss, val_accuracy]",
            "rate 3 1",
            "observe 1 [loss, accuracy, val_loss, val_accuracy]");
    assertThat(rates).containsExactly(0.5, 0.5, 0.5, 0.5 / 14, 0.5 / 14, 0.5 / 14);
  }

  @Test
  void measurementsNameTheTrainingAndValidationValues() {
    var metric = new io.dendrite.core.spi.MetricValue(0.75, List.of(), List.of());
    EpochResult trainOnly =
        new EpochResult(
            1, new Evaluation(0.5, Map.of("acc", metric), 4), java.util.Optional.empty(), 1, 1, 1);
    assertThat(ScheduledLearningRate.measurements(trainOnly))
        .containsExactly(Map.entry("loss", 0.5), Map.entry("acc", 0.75));
  }

  @Test
  void theSchedulesStateGoesIntoTheCheckpointAndBackOnResume() {
    Map<String, Object> values = XorRuns.values("xor16", 2, 5);
    values.put("optimizer", scheduledSgd());
    var local = XorRuns.components(0.5);
    local.put(
        "recording",
        () -> {
          Recording r = new Recording(Schedule.Interval.STEP);
          made.add(r);
          return r;
        });
    List<TrainingCheckpoint> taken = new ArrayList<>();
    ExperimentTrainer trainer = XorRuns.trainer(local);
    trainer.run(
        XorRuns.experiment(values),
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingContext context, EpochResult result) {
            taken.add(context.checkpoint());
          }
        },
        List.of());
    // start, 4 rates and an observation before the first checkpoint
    assertThat(taken.get(0).schedule().get("calls").get(0)).isEqualTo(6);
    trainer.resume(XorRuns.experiment(values), taken.get(0), XorRuns.QUIET, List.of());
    assertThat(made.get(1).calls).startsWith("start 0.5 8 4", "restore 6.0", "rate 4 1");
  }
}
