package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Schedule;
import io.dendrite.testkit.PluginContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do ({@link PluginContract}: the test kit has no schedule contract yet),
 * and the schedule's rates.
 */
class InverseSqrtScheduleTests extends PluginContract<Schedule> {
  @Override
  protected Plugin<Schedule> plugin() {
    return new InverseSqrtSchedule.Plugin();
  }

  @Override
  protected PluginKind kind() {
    return PluginKind.SCHEDULE;
  }

  @Test
  void warmsUpLinearlyThenDecaysAsTheInverseSquareRoot() {
    Schedule s = plugin().create(Params.resolve(plugin().params(), Map.of("warmup_steps", 4)));
    s.start(0.1, 100, 10);
    assertThat(s.rate(0, 0)).isCloseTo(0.025, within(1e-15));
    assertThat(s.rate(3, 0)).isCloseTo(0.1, within(1e-15));
    assertThat(s.rate(15, 1)).isCloseTo(0.05, within(1e-15));
    assertThat(s.interval()).isEqualTo(Schedule.Interval.STEP);
  }
}
