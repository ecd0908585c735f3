package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schedule gives the rates of {@code torch.optim.lr_scheduler}, within 1e-9 relative.
 *
 * <p>Each setting of {@code make_fixtures.py} is asked for 100 positions (steps, or epochs of 10
 * steps). PyTorch computes most rates step by step from the previous one, Dendrite from the
 * position, so they agree to about 1e-15 rather than bit for bit.
 */
class ScheduleFixtureTests {
  static final double TOLERANCE = 1e-9;
  static final int STEPS_PER_EPOCH = 10;

  static List<TorchFixtures.ScheduleCase> cases() {
    return TorchFixtures.scheduleCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ratesMatchPyTorch(TorchFixtures.ScheduleCase c) {
    Schedule schedule = c.create();
    assertThat(schedule.interval()).as("interval of %s", c).isEqualTo(c.interval());
    double[] rates = rates(schedule, c, 0, c.rates().length);
    for (int i = 0; i < rates.length; i++) {
      assertThat(Math.abs(rates[i] - c.rates()[i]))
          .as("%s at %d: %s, %s gives %s", c, i, rates[i], c.reference(), c.rates()[i])
          .isLessThanOrEqualTo(TOLERANCE * Math.abs(c.rates()[i]));
    }
  }

  /**
   * The rates of positions {@code from} to {@code to} (exclusive), asked as the trainer asks them:
   * before each step, or before the first step of each epoch, then observing the epoch's {@code
   * monitor}ed value.
   */
  static double[] rates(Schedule schedule, TorchFixtures.ScheduleCase c, int from, int to) {
    boolean perStep = schedule.interval() == Schedule.Interval.STEP;
    int positions = c.rates().length;
    if (from == 0) {
      schedule.start(
          c.baseRate(),
          perStep ? positions : (long) positions * STEPS_PER_EPOCH,
          perStep ? 1 : STEPS_PER_EPOCH);
    }
    double[] out = new double[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = perStep ? schedule.rate(i, i) : schedule.rate((long) i * STEPS_PER_EPOCH, i);
      if (!perStep) {
        for (int s = 1; s < STEPS_PER_EPOCH; s++) {
          // Asked again within the epoch, an epoch schedule must not change its mind.
          assertThat(schedule.rate((long) i * STEPS_PER_EPOCH + s, i)).isEqualTo(out[i - from]);
        }
      }
      if (c.values() != null) {
        // Among other measurements, as the trainer gives them; only the monitored one counts.
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put("loss", 1.0 / (i + 1));
        measured.put("accuracy", 0.5);
        measured.put(c.monitor(), c.values()[i]);
        schedule.observe(i, measured);
      }
    }
    return out;
  }
}
