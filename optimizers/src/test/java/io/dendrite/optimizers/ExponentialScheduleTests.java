package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExponentialScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new ExponentialSchedule.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("gamma", 0.9);
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.EPOCH;
  }

  @Test
  void decaysEveryEpoch() {
    Schedule s = started();
    assertThat(s.rate(0, 0)).isEqualTo(BASE);
    assertThat(s.rate(0, 5)).isEqualTo(BASE * Math.pow(0.9, 5));
  }

  @Test
  void gammaIsRequiredAndPositive() {
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of()))
        .hasMessageContaining("gamma: missing required parameter");
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of("gamma", 0)))
        .hasMessageContaining("gamma: must be > 0");
  }
}
