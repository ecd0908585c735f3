package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.model.CheckpointFile;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run resumed from a checkpoint taken after an epoch ends with the uninterrupted run's bits. */
class ResumeTests {
  private static ComponentSpec dense(int units, String activation) {
    Map<String, Object> p = new HashMap<>();
    p.put("units", units);
    if (activation != null) {
      p.put("activation", spec(PluginKind.ACTIVATION, activation));
    }
    return new ComponentSpec(
        PluginKind.LAYER,
        "dense",
        io.dendrite.core.param.Params.resolve(
            new io.dendrite.core.standin.StandInDense.Plugin().params(), p));
  }

  private static Experiment experiment(int epochs) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seed", 11L);
    values.put(
        "data", Map.of("train", spec(PluginKind.DATASET, "xor16"), "validation_split", 0.25));
    values.put("model", Map.of("layers", List.of(dense(6, "tanh"), dense(1, null))));
    values.put("loss", spec(PluginKind.LOSS, "squared_error"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "sgd"));
    values.put(
        "training",
        Map.of(
            "epochs",
            epochs,
            "batch_size",
            3,
            "early_stopping",
            Map.of("monitor", "val_loss", "patience", 50, "restore_best", true)));
    values.put("metrics", List.of());
    return Experiment.of(values, "resume");
  }

  private static ExperimentTrainer trainer() {
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("sgd", () -> new TestComponents.PlainSgd(0.2));
    local.put("xor16", () -> TestComponents.repeatedXor(4));
    return new ExperimentTrainer(
        new TestComponents(local), Kernels.singleThreaded(), Path.of("."), Path.of("c"));
  }

  private static Map<String, float[]> weights(TrainingResult r) {
    Map<String, float[]> out = new LinkedHashMap<>();
    r.network().tensors().forEach((name, m) -> out.put(name, m.floats().clone()));
    return out;
  }

  @Test
  void resumingFromAnyEpochGivesTheBitsOfTheUninterruptedRun() {
    List<TrainingCheckpoint> checkpoints = new ArrayList<>();
    TrainingListener keep =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingContext context, EpochResult result) {
            checkpoints.add(context.checkpoint());
          }
        };
    TrainingResult whole = trainer().run(experiment(6), keep, List.of());
    assertThat(checkpoints).hasSize(6);
    for (int at : new int[] {1, 3, 5}) {
      TrainingCheckpoint cp = checkpoints.get(at - 1);
      assertThat(cp.epoch()).isEqualTo(at);
      List<Integer> seen = new ArrayList<>();
      TrainingResult resumed =
          trainer()
              .resume(
                  experiment(6),
                  cp,
                  new TrainingListener() {
                    @Override
                    public void onResume(TrainingContext context, List<EpochResult> done) {
                      seen.add(done.size());
                    }
                  },
                  List.of());
      assertThat(seen).containsExactly(at);
      assertThat(resumed.epochs()).hasSize(6);
      for (int e = 0; e < 6; e++) {
        assertThat(resumed.epochs().get(e).train().loss())
            .as("training loss of epoch %d after resuming at %d", e + 1, at)
            .isEqualTo(whole.epochs().get(e).train().loss());
      }
      Map<String, float[]> expected = weights(whole);
      weights(resumed)
          .forEach(
              (name, values) ->
                  assertThat(values)
                      .as("%s resumed at %d", name, at)
                      .containsExactly(expected.get(name)));
    }
  }

  @Test
  void aCheckpointWrittenToAFileAndReadBackResumesWithTheSameBits(@TempDir Path folder) {
    Path file = folder.resolve("epoch-0002.safetensors");
    TrainingListener save =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingContext context, EpochResult result) {
            if (result.epoch() == 2) {
              CheckpointFile.write(file, context.checkpoint(), Map.of("dendrite.version", "test"));
            }
          }
        };
    TrainingResult whole = trainer().run(experiment(5), save, List.of());
    CheckpointFile.Contents read = CheckpointFile.read(file);
    assertThat(read.metadata()).containsEntry("dendrite.version", "test");
    assertThat(read.checkpoint().epoch()).isEqualTo(2);
    assertThat(read.checkpoint().epochs()).hasSize(2);
    assertThat(read.checkpoint().epochs().get(1).train().loss())
        .isEqualTo(whole.epochs().get(1).train().loss());
    TrainingResult resumed =
        trainer().resume(experiment(5), read.checkpoint(), new TrainingListener() {}, List.of());
    Map<String, float[]> expected = weights(whole);
    weights(resumed)
        .forEach((name, values) -> assertThat(values).as(name).containsExactly(expected.get(name)));
    for (int e = 0; e < 5; e++) {
      assertThat(resumed.epochs().get(e).validation().orElseThrow().loss())
          .isEqualTo(whole.epochs().get(e).validation().orElseThrow().loss());
    }
  }

  @Test
  void aDamagedCheckpointFileIsBadData(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("cp.safetensors");
    List<TrainingCheckpoint> taken = new ArrayList<>();
    trainer()
        .run(
            experiment(1),
            new TrainingListener() {
              @Override
              public void onEpoch(TrainingContext context, EpochResult result) {
                taken.add(context.checkpoint());
              }
            },
            List.of());
    CheckpointFile.write(file, taken.get(0), Map.of());
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x10;
    java.nio.file.Files.write(file, bytes);
    assertThatThrownBy(() -> CheckpointFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("cp.safetensors")
        .satisfies(
            e -> assertThat(((DendriteException) e).kind()).isEqualTo(DendriteException.Kind.DATA));
  }

  @Test
  void aCheckpointHoldsCopiesNotTheRunsOwnTensors() {
    List<TrainingCheckpoint> checkpoints = new ArrayList<>();
    TrainingResult r =
        trainer()
            .run(
                experiment(2),
                new TrainingListener() {
                  @Override
                  public void onEpoch(TrainingContext context, EpochResult result) {
                    checkpoints.add(context.checkpoint());
                  }
                },
                List.of());
    Matrix first = checkpoints.get(0).network().get("layers.0.weight");
    assertThat(first).isNotSameAs(r.network().tensors().get("layers.0.weight"));
    assertThat(first.floats())
        .isNotEqualTo(checkpoints.get(1).network().get("layers.0.weight").floats());
  }
}
