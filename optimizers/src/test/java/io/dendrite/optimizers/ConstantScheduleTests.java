package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import org.junit.jupiter.api.Test;

class ConstantScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new ConstantSchedule.Plugin();
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.EPOCH;
  }

  @Test
  void theRateIsTheOptimizersThroughout() {
    assertThat(run(started(), 0, EPOCHS)).containsOnly(BASE);
    assertThat(newInstance().state()).isEmpty();
  }
}
