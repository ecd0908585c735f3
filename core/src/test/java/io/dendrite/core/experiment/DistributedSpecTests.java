package io.dendrite.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributedSpecTests {
  @Test
  void defaultsLeaveTheMasterToSpark() {
    DistributedSpec d = new DistributedSpec(Params.resolve(DistributedSpec.PARAMS, Map.of()));
    assertThat(d.engine()).isEqualTo("spark");
    assertThat(d.master()).isEmpty();
    assertThat(d.workers()).isEqualTo(2);
    assertThat(d.syncEvery()).isEqualTo(1);
    assertThat(d.timeoutSeconds()).isEqualTo(120.0);
  }

  @Test
  void givenValuesAreRead() {
    DistributedSpec d =
        new DistributedSpec(
            Params.resolve(
                DistributedSpec.PARAMS,
                Map.of(
                    "engine",
                    "local",
                    "master",
                    "spark://host:7077",
                    "workers",
                    8,
                    "sync_every",
                    4,
                    "timeout_seconds",
                    30.5)));
    assertThat(d.engine()).isEqualTo("local");
    assertThat(d.master()).contains("spark://host:7077");
    assertThat(d.workers()).isEqualTo(8);
    assertThat(d.syncEvery()).isEqualTo(4);
    assertThat(d.timeoutSeconds()).isEqualTo(30.5);
  }
}
