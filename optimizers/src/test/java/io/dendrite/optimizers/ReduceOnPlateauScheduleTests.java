package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReduceOnPlateauScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new ReduceOnPlateauSchedule.Plugin();
  }

  // Patience short enough for the 20 epochs of the checks to see reductions and a cooldown.
  @Override
  protected Map<String, Object> parameters() {
    return Map.of("patience", 2, "cooldown", 1);
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.EPOCH;
  }

  @Nested
  class MonitoringAccuracy extends ScheduleChecks {
    @Override
    protected Plugin<Schedule> plugin() {
      return new ReduceOnPlateauSchedule.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("monitor", "val_accuracy", "patience", 1, "threshold_mode", "abs");
    }

    @Override
    protected Schedule.Interval interval() {
      return Schedule.Interval.EPOCH;
    }
  }

  @Test
  void theChecksRunSeeReductions() {
    double[] rates = run(started(), 0, EPOCHS);
    assertThat(rates[rates.length - 1]).isLessThan(BASE * 0.01);
  }

  @Test
  void modeAutoMaximizesScoresAndMinimizesLossesAndErrors() {
    for (String name :
        new String[] {
          "accuracy", "val_accuracy", "macro_f1", "val_precision", "recall", "roc_auc", "r2"
        }) {
      assertThat(ReduceOnPlateauSchedule.higherIsBetter(name)).as(name).isTrue();
    }
    for (String name : new String[] {"loss", "val_loss", "mse", "val_mae", "error_rate"}) {
      assertThat(ReduceOnPlateauSchedule.higherIsBetter(name)).as(name).isFalse();
    }
    assertThat(schedule("accuracy", "min").maximizes()).isFalse();
    assertThat(schedule("loss", "max").maximizes()).isTrue();
  }

  @Test
  void aMonitorTheRunDoesNotMeasureIsAConfigurationError() {
    Schedule s = started();
    Map<String, Double> measured = new LinkedHashMap<>();
    measured.put("loss", 1.0);
    measured.put("accuracy", 0.5);
    assertThatThrownBy(() -> s.observe(0, measured))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("monitors 'val_loss', which this run does not measure")
        .hasMessageContaining("[loss, accuracy]")
        .hasMessageContaining("val_ values need validation data")
        .satisfies(e -> assertThat(((DendriteException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void stateIsTheRateTheBestValueAndTheCounters() {
    Schedule s = started();
    assertThat(s.state())
        .as("no best value before the first epoch")
        .containsOnlyKeys(
            "reduce_on_plateau.rate",
            "reduce_on_plateau.num_bad_epochs",
            "reduce_on_plateau.cooldown_counter");
    // Better for 6 epochs, then 3 bad ones: more than the patience of 2, so a reduction and 1
    // epoch of cooldown to come.
    run(s, 0, 9);
    Map<String, Matrix> state = s.state();
    assertThat(state.get("reduce_on_plateau.rate").get(0)).isEqualTo(BASE * 0.1);
    assertThat(state.get("reduce_on_plateau.best").get(0)).isEqualTo(1.1 / 6);
    assertThat(state.get("reduce_on_plateau.num_bad_epochs").get(0)).isEqualTo(0.0);
    assertThat(state.get("reduce_on_plateau.cooldown_counter").get(0)).isEqualTo(1.0);
  }

  @Test
  void refusesStateItDoesNotKnowOrCannotUse() {
    assertThatThrownBy(
            () -> newInstance().restoreState(Map.of("cosine.rate", Matrix.doubles(1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedule state 'cosine.rate' is not reduce_on_plateau state");
    assertThatThrownBy(
            () ->
                newInstance()
                    .restoreState(
                        Map.of("reduce_on_plateau.num_bad_epochs", Matrix.doubles(1, 1).fill(1.5))))
        .hasMessageContaining("must be one whole number >= 0, found 1.5");
    assertThatThrownBy(
            () ->
                newInstance()
                    .restoreState(Map.of("reduce_on_plateau.rate", Matrix.doubles(1, 1).fill(-1))))
        .hasMessageContaining("must be a finite rate >= 0, found -1");
    assertThatThrownBy(
            () ->
                newInstance().restoreState(Map.of("reduce_on_plateau.best", Matrix.doubles(2, 1))))
        .hasMessageContaining("must be 1x1, found 2x1");
  }

  private static ReduceOnPlateauSchedule schedule(String monitor, String mode) {
    return new ReduceOnPlateauSchedule(monitor, mode, 0.1, 10, 1e-4, true, 0, 0, 1e-8);
  }
}
