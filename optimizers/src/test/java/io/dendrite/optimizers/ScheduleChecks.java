package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.PluginContract;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every built-in schedule must do, beyond the plugin contract.
 *
 * <p>The testkit has no schedule contract yet; this is what one would check.
 *
 * <p>Each check runs 20 epochs of 7 steps from a rate of 0.05, telling the schedule after each
 * epoch a falling {@code loss} and {@code val_loss} and a rising {@code accuracy} and {@code
 * val_accuracy}, as the trainer does.
 */
abstract class ScheduleChecks extends PluginContract<Schedule> {
  static final int EPOCHS = 20;
  static final int STEPS_PER_EPOCH = 7;
  static final double BASE = 0.05;

  @Override
  protected PluginKind kind() {
    return PluginKind.SCHEDULE;
  }

  /** The interval the schedule must declare. */
  protected abstract Schedule.Interval interval();

  /** A started instance. */
  protected Schedule started() {
    Schedule s = newInstance();
    s.start(BASE, (long) EPOCHS * STEPS_PER_EPOCH, STEPS_PER_EPOCH);
    return s;
  }

  static Map<String, Double> measurements(int epoch) {
    // Improving for 5 epochs, then flat: plateau schedules get to reduce.
    double loss = 1.0 / (1 + Math.min(epoch, 5));
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("accuracy", 1 - loss);
    m.put("val_loss", loss * 1.1);
    m.put("val_accuracy", 1 - loss * 1.1);
    return m;
  }

  /** Rates of every step from epoch {@code from} to {@code to}, as the trainer asks them. */
  double[] run(Schedule s, int from, int to) {
    double[] rates = new double[(to - from) * STEPS_PER_EPOCH];
    for (int e = from; e < to; e++) {
      for (int i = 0; i < STEPS_PER_EPOCH; i++) {
        rates[(e - from) * STEPS_PER_EPOCH + i] = s.rate((long) e * STEPS_PER_EPOCH + i, e);
      }
      s.observe(e, measurements(e));
    }
    return rates;
  }

  @Test
  void declaresItsInterval() {
    assertThat(newInstance().interval()).isEqualTo(interval());
  }

  @Test
  void ratesAreFiniteAndNotNegativeThroughoutARun() {
    for (double rate : run(started(), 0, EPOCHS)) {
      assertThat(rate).isFinite().isNotNegative();
    }
  }

  @Test
  void aRateBeforeStartIsRefused() {
    assertThatThrownBy(() -> newInstance().rate(0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before start()");
  }

  @Test
  void epochSchedulesHoldTheirRateThroughAnEpoch() {
    if (interval() == Schedule.Interval.EPOCH) {
      double[] rates = run(started(), 0, EPOCHS);
      for (int i = 0; i < rates.length; i++) {
        assertThat(rates[i]).isEqualTo(rates[i - i % STEPS_PER_EPOCH]);
      }
    }
  }

  @Test
  void betweenObservationsTheRateDependsOnlyOnThePosition() {
    Schedule forward = started();
    Schedule backward = started();
    long steps = (long) EPOCHS * STEPS_PER_EPOCH;
    double[] rates = new double[(int) steps];
    for (long s = steps - 1; s >= 0; s--) {
      rates[(int) s] = backward.rate(s, (int) (s / STEPS_PER_EPOCH));
    }
    for (long s = 0; s < steps; s++) {
      assertThat(forward.rate(s, (int) (s / STEPS_PER_EPOCH))).isEqualTo(rates[(int) s]);
    }
  }

  @Test
  void aRestoredScheduleContinuesBitForBit() {
    double[] straight = run(started(), 0, EPOCHS);
    for (int at : new int[] {1, EPOCHS / 2}) {
      Schedule first = started();
      run(first, 0, at);
      Map<String, Matrix> state = new LinkedHashMap<>();
      first.state().forEach((k, v) -> state.put(k, v.copy()));
      for (Map.Entry<String, Matrix> e : state.entrySet()) {
        assertThat(e.getKey()).isNotBlank();
        assertThat(e.getValue().allFinite()).as("state %s is finite", e.getKey()).isTrue();
      }
      Schedule resumed = newInstance();
      resumed.restoreState(state);
      resumed.start(BASE, (long) EPOCHS * STEPS_PER_EPOCH, STEPS_PER_EPOCH);
      double[] rest = run(resumed, at, EPOCHS);
      for (int i = 0; i < rest.length; i++) {
        assertThat(rest[i]).isEqualTo(straight[at * STEPS_PER_EPOCH + i]);
      }
    }
  }

  @Test
  void aRunOfOneStepHasAFiniteRate() {
    Schedule s = newInstance();
    s.start(BASE, 1, 1);
    assertThat(s.rate(0, 0)).isFinite().isNotNegative();
  }
}
