package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import org.junit.jupiter.api.Test;

class PolynomialScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new PolynomialSchedule.Plugin();
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.STEP;
  }

  @Test
  void decaysToEndLrAsTheRunEnds() {
    Schedule s = new PolynomialSchedule(1.0, 0.1);
    s.start(1.1, 10, 5);
    assertThat(s.rate(0, 0)).isEqualTo(1.1);
    assertThat(s.rate(5, 1)).isCloseTo(0.6, within(1e-15));
    assertThat(s.rate(10, 2)).isEqualTo(0.1);
  }
}
