package io.dendrite.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.tensor.ComputePool;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSpecTests {
  private static TrainingSpec training(Map<String, ?> given) {
    return new TrainingSpec(Params.resolve(TrainingSpec.PARAMS, given));
  }

  @Test
  void defaultsWhenNothingIsGiven() {
    TrainingSpec t = training(Map.of());
    assertThat(t.epochs()).isEqualTo(10);
    assertThat(t.batchSize()).isEqualTo(32);
    assertThat(t.shuffle()).isTrue();
    assertThat(t.threads()).isZero();
    assertThat(t.effectiveThreads()).isEqualTo(ComputePool.defaultThreads());
    assertThat(t.clip()).isEmpty();
    assertThat(t.earlyStopping()).isEmpty();
    assertThat(t.maxSeconds()).isEmpty();
    assertThat(t.maxLoss()).isEmpty();
    assertThat(t.checkpointEvery()).isEqualTo(1);
    assertThat(t.checkpointKeep()).isEqualTo(3);
    assertThat(t.distributed()).isEmpty();
  }

  @Test
  void givenValuesAreRead() {
    TrainingSpec t =
        training(
            Map.of(
                "epochs",
                3,
                "batch_size",
                8,
                "shuffle",
                false,
                "threads",
                2,
                "clip",
                Map.of("norm", 0.5),
                "early_stopping",
                Map.of("patience", 2),
                "max_seconds",
                60.0,
                "max_loss",
                100.0,
                "checkpoint",
                Map.of("every", 0, "keep", 5),
                "distributed",
                Map.of("workers", 4)));
    assertThat(t.epochs()).isEqualTo(3);
    assertThat(t.batchSize()).isEqualTo(8);
    assertThat(t.shuffle()).isFalse();
    assertThat(t.threads()).isEqualTo(2);
    assertThat(t.effectiveThreads()).isEqualTo(2);
    assertThat(t.clip())
        .hasValueSatisfying(c -> assertThat(c.get(TrainingSpec.CLIP_NORM)).isEqualTo(0.5));
    assertThat(t.clip().orElseThrow().has(TrainingSpec.CLIP_VALUE)).isFalse();
    assertThat(t.earlyStopping())
        .hasValueSatisfying(
            e -> {
              assertThat(e.get(TrainingSpec.PATIENCE)).isEqualTo(2);
              assertThat(e.get(TrainingSpec.MONITOR)).isEqualTo("val_loss");
              assertThat(e.get(TrainingSpec.MODE)).isEqualTo("auto");
            });
    assertThat(t.maxSeconds()).hasValue(60.0);
    assertThat(t.maxLoss()).hasValue(100.0);
    assertThat(t.checkpointEvery()).isZero();
    assertThat(t.checkpointKeep()).isEqualTo(5);
    DistributedSpec d = t.distributed().orElseThrow();
    assertThat(d.workers()).isEqualTo(4);
    assertThat(d.engine()).isEqualTo("spark");
  }
}
