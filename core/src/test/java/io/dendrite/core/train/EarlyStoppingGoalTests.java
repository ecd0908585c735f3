package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.PluginKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Early stopping of a maximized metric, and of either goal with a least improvement. */
class EarlyStoppingGoalTests {
  private final TrainingContext context = new TrainingContext(null, null, 1);

  private static EpochResult epoch(int epoch, double loss, double acc) {
    Evaluation e =
        new Evaluation(loss, Map.of("acc", new MetricValue(acc, List.of(), List.of())), 4);
    return new EpochResult(epoch, e, Optional.empty(), 0, 1, 0.1);
  }

  @Test
  void aMaximizedMetricImprovesOnlyByMoreThanTheLeastDelta() {
    EarlyStopping stopping = new EarlyStopping("acc", Metric.Goal.MAXIMIZE, 2, 0.25, false);
    stopping.onEpoch(context, epoch(1, 9, 0.5));
    stopping.onEpoch(context, epoch(2, 9, 0.75)); // exactly the least delta: not enough
    assertThat(stopping.bestEpoch()).isEqualTo(1);
    assertThat(context.stopRequested()).isFalse();
    stopping.onEpoch(context, epoch(3, 9, 0.5));
    assertThat(context.stopReason())
        .contains("early stopping: acc did not improve for 2 epochs (best 0.5000 at epoch 1)");
  }

  @Test
  void aMaximizedMetricThatGrowsEnoughIsTheNewBest() {
    EarlyStopping stopping = new EarlyStopping("acc", Metric.Goal.MAXIMIZE, 2, 0.25, false);
    stopping.onEpoch(context, epoch(1, 9, 0.5));
    stopping.onEpoch(context, epoch(2, 9, 0.875));
    assertThat(stopping.bestEpoch()).isEqualTo(2);
    stopping.onEpoch(context, epoch(3, 9, 0.25));
    assertThat(context.stopRequested()).isFalse();
  }

  @Test
  void aMinimizedValueImprovesOnlyByMoreThanTheLeastDelta() {
    EarlyStopping stopping = new EarlyStopping("loss", Metric.Goal.MINIMIZE, 3, 0.25, false);
    stopping.onEpoch(context, epoch(1, 1.0, 0));
    stopping.onEpoch(context, epoch(2, 0.875, 0));
    assertThat(stopping.bestEpoch()).isEqualTo(1);
    stopping.onEpoch(context, epoch(3, 0.5, 0));
    assertThat(stopping.bestEpoch()).isEqualTo(3);
  }

  @Test
  void aMetricMonitoredByNameTakesItsGoalFromTheMetric() {
    // xor has one target column: the stand-in accuracy is 1 every epoch, and never improves.
    Map<String, Object> values = XorRuns.values("xor", 10, 4);
    values.put("metrics", List.of(spec(PluginKind.METRIC, "accuracy")));
    values.put(
        "training",
        Map.of(
            "epochs",
            10,
            "batch_size",
            4,
            "early_stopping",
            Map.of("monitor", "accuracy", "patience", 2)));
    TrainingResult result =
        XorRuns.trainer(XorRuns.components(0.1))
            .run(XorRuns.experiment(values), XorRuns.QUIET, List.of());
    assertThat(result.epochs()).hasSize(3);
    assertThat(result.stopReason())
        .contains("early stopping: accuracy did not improve for 2 epochs (best 1.0000 at epoch 1)");
  }

  @Test
  void anUnknownMonitorIsRefusedListingTheMetricsToo() {
    Map<String, Object> values = XorRuns.values("xor16", 2, 4);
    values.put("metrics", List.of(spec(PluginKind.METRIC, "accuracy")));
    XorRuns.data(values).put("validation_split", 0.25);
    values.put(
        "training",
        Map.of("epochs", 2, "batch_size", 4, "early_stopping", Map.of("monitor", "val_acuracy")));
    assertThatThrownBy(
            () ->
                XorRuns.trainer(XorRuns.components(0.1))
                    .run(XorRuns.experiment(values), XorRuns.QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            "'val_acuracy' is not measured (did you mean 'val_accuracy'?); known: loss, accuracy,"
                + " val_loss, val_accuracy");
  }
}
