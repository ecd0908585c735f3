package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearWarmupScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new LinearWarmupSchedule.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("warmup_steps", 30);
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.STEP;
  }

  @Test
  void rampsUpThenHoldsTheRate() {
    Schedule s = started();
    assertThat(s.rate(0, 0)).isCloseTo(BASE / 3, within(1e-15));
    assertThat(s.rate(15, 2)).isCloseTo(BASE * 2 / 3, within(1e-15));
    assertThat(s.rate(30, 4)).isEqualTo(BASE);
    assertThat(s.rate(100, 14)).isEqualTo(BASE);
  }

  @Test
  void warmupStepsAreRequiredAndTheStartFactorIsAFraction() {
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of()))
        .hasMessageContaining("warmup_steps: missing required parameter");
    assertThatThrownBy(
            () -> Params.resolve(plugin().params(), Map.of("warmup_steps", 3, "start_factor", 0)))
        .hasMessageContaining("start_factor: must be > 0 and <= 1");
  }
}
