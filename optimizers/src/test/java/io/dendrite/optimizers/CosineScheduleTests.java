package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CosineScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new CosineSchedule.Plugin();
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.STEP;
  }

  @Nested
  class WithWarmup extends ScheduleChecks {
    @Override
    protected Plugin<Schedule> plugin() {
      return new CosineSchedule.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("warmup_steps", 10, "min_lr", 0.001);
    }

    @Override
    protected Schedule.Interval interval() {
      return Schedule.Interval.STEP;
    }
  }

  @Test
  void warmsUpThenAnnealsToMinLrAsTheRunEnds() {
    Schedule s = new CosineSchedule(10, 0.5, 0.01);
    s.start(1.0, 110, 11);
    assertThat(s.rate(0, 0)).isEqualTo(0.5);
    assertThat(s.rate(5, 0)).isEqualTo(0.75);
    assertThat(s.rate(10, 0)).isEqualTo(1.0);
    assertThat(s.rate(60, 5)).isCloseTo(0.505, within(1e-12));
    assertThat(s.rate(109, 9)).isGreaterThan(0.01).isCloseTo(0.01, within(1e-3));
    assertThat(s.rate(110, 10)).isEqualTo(0.01);
  }

  @Test
  void aRunShorterThanItsWarmupIsAllWarmup() {
    Schedule s = new CosineSchedule(100, 0.1, 0);
    s.start(1.0, 20, 10);
    assertThat(s.rate(19, 1)).isLessThan(1.0).isFinite();
  }
}
