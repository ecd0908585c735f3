package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Schedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiStepScheduleTests extends ScheduleChecks {
  @Override
  protected Plugin<Schedule> plugin() {
    return new MultiStepSchedule.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("milestones", List.of(12, 4), "gamma", 0.5);
  }

  @Override
  protected Schedule.Interval interval() {
    return Schedule.Interval.EPOCH;
  }

  @Test
  void decaysAtEachMilestoneInAnyOrderAndTwiceAtARepeatedOne() {
    Schedule s = started();
    assertThat(s.rate(0, 3)).isEqualTo(BASE);
    assertThat(s.rate(0, 4)).isEqualTo(BASE * 0.5);
    assertThat(s.rate(0, 12)).isEqualTo(BASE * 0.25);
    Schedule repeated = new MultiStepSchedule(List.of(3, 3), 0.5);
    repeated.start(1, 10, 1);
    assertThat(repeated.rate(3, 3)).isEqualTo(0.25);
  }

  @Test
  void milestonesAreRequiredWholeEpochsFromOne() {
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of()))
        .hasMessageContaining("milestones: missing required parameter");
    assertThatThrownBy(() -> Params.resolve(plugin().params(), Map.of("milestones", List.of(0))))
        .hasMessageContaining("must be >= 1");
  }
}
