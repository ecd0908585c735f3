package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OneCycleScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new OneCycleSchedule.Plugin();
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.STEP;
  }

  @Nested
  class ThreePhaseLinear extends ScheduleChecks {
    @Override
    protected Plugin<Schedule> plugin() {
      return new OneCycleSchedule.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("three_phase", true, "anneal_strategy", "linear");
    }

    @Override
    protected Schedule.Interval interval() {
      return Schedule.Interval.STEP;
    }
  }

  @Test
  void risesToTheRateThenFallsToItsSmallestAtTheLastStep() {
    Schedule s = new OneCycleSchedule(0.3, 25, 1e4, true, false);
    s.start(1.0, 101, 1);
    assertThat(s.rate(0, 0)).isCloseTo(1.0 / 25, within(1e-15));
    double peak = 0;
    for (int i = 0; i < 101; i++) {
      peak = Math.max(peak, s.rate(i, 0));
    }
    assertThat(peak).isCloseTo(1.0, within(1e-3));
    assertThat(s.rate(100, 0)).isEqualTo(1.0 / 25 / 1e4);
  }
}
