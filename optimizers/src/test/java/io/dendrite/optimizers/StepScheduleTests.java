package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new StepSchedule.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("step_size", 3);
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.EPOCH;
  }

  @Test
  void decaysEveryStepSizeEpochs() {
    Schedule s = started();
    assertThat(s.rate(0, 0)).isEqualTo(BASE);
    assertThat(s.rate(20, 2)).isEqualTo(BASE);
    assertThat(s.rate(21, 3)).isEqualTo(BASE * 0.1);
    assertThat(s.rate(60, 8)).isEqualTo(BASE * Math.pow(0.1, 2));
  }

  @Test
  void stepSizeIsRequiredAndPositive() {
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of()))
        .hasMessageContaining("step_size: missing required parameter");
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of("step_size", 0)))
        .hasMessageContaining("step_size: must be >= 1");
  }
}
