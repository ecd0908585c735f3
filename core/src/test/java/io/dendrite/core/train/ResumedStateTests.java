package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a resumed run takes from its checkpoint, piece by piece. */
class ResumedStateTests {
  private static Experiment experiment(String optimizer, int epochs) {
    Map<String, Object> values = XorRuns.values("xor16", epochs, 5);
    values.put("optimizer", spec(PluginKind.OPTIMIZER, optimizer));
    return XorRuns.experiment(values);
  }

  private static ExperimentTrainer trainer() {
    var local = XorRuns.components(0.1);
    local.put("momentum", () -> new TestComponents.Momentum(0.1));
    return XorRuns.trainer(local);
  }

  private static List<TrainingCheckpoint> checkpoints(Experiment experiment) {
    List<TrainingCheckpoint> taken = new ArrayList<>();
    trainer()
        .run(
            experiment,
            new TrainingListener() {
              @Override
              public void onEpoch(TrainingContext context, EpochResult result) {
                taken.add(context.checkpoint());
              }
            },
            List.of());
    return taken;
  }

  /** {@code cp} with another learning rate, streams, loss baseline and stop reason. */
  private static TrainingCheckpoint with(
      TrainingCheckpoint cp,
      double learningRate,
      Map<String, long[]> streams,
      double lossBaseline,
      Optional<String> stopReason) {
    return new TrainingCheckpoint(
        cp.epoch(),
        cp.globalStep(),
        cp.network(),
        cp.optimizer(),
        learningRate,
        cp.schedule(),
        streams,
        cp.order(),
        lossBaseline,
        cp.earlyStopping(),
        cp.epochs(),
        stopReason);
  }

  private static Map<String, float[]> tensors(TrainingResult r) {
    Map<String, float[]> out = new LinkedHashMap<>();
    r.network().tensors().forEach((name, m) -> out.put(name, m.floats().clone()));
    return out;
  }

  @Test
  void theOptimizersStateIsResumedSoTheBitsAreTheUninterruptedRuns() {
    Experiment three = experiment("momentum", 3);
    TrainingResult whole = trainer().run(three, XorRuns.QUIET, List.of());
    TrainingCheckpoint first = checkpoints(experiment("momentum", 1)).get(0);
    assertThat(first.optimizer()).containsKeys("v0", "v1", "v2", "v3");
    TrainingResult resumed = trainer().resume(three, first, XorRuns.QUIET, List.of());
    assertThat(tensors(resumed)).usingRecursiveComparison().isEqualTo(tensors(whole));
  }

  @Test
  void aResumedRunCountsOnFromTheCheckpointAtItsLearningRate() {
    TrainingCheckpoint first = checkpoints(experiment("sgd", 1)).get(0);
    TrainingCheckpoint slower =
        with(first, 0.03125, first.streams(), first.lossBaseline(), Optional.empty());
    List<String> seen = new ArrayList<>();
    TrainingResult r =
        trainer()
            .resume(
                experiment("sgd", 2),
                slower,
                new TrainingListener() {
                  @Override
                  public void onResume(TrainingContext context, List<EpochResult> done) {
                    seen.add("resume " + context.epoch() + " #" + context.globalStep());
                  }

                  @Override
                  public void onStep(TrainingContext context, double loss) {
                    seen.add(
                        "step "
                            + context.epoch()
                            + "."
                            + context.step()
                            + " #"
                            + context.globalStep()
                            + " lr "
                            + context.learningRate());
                  }
                },
                List.of());
    assertThat(seen)
        .containsExactly(
            "resume 1 #4",
            "step 2.1 #5 lr 0.03125",
            "step 2.2 #6 lr 0.03125",
            "step 2.3 #7 lr 0.03125",
            "step 2.4 #8 lr 0.03125");
    assertThat(r.epochs()).extracting(EpochResult::epoch).containsExactly(1, 2);
  }

  @Test
  void aCheckpointTakenAfterAStopRequestResumesStopped() {
    TrainingCheckpoint first = checkpoints(experiment("sgd", 1)).get(0);
    TrainingCheckpoint stopped =
        with(
            first,
            first.learningRate(),
            first.streams(),
            first.lossBaseline(),
            Optional.of("time"));
    TrainingResult r = trainer().resume(experiment("sgd", 3), stopped, XorRuns.QUIET, List.of());
    assertThat(r.stopReason()).contains("time");
    assertThat(r.epochs()).extracting(EpochResult::epoch).containsExactly(1);
  }

  @Test
  void theDivergenceGuardKeepsTheFirstStepsLossAcrossAResume() {
    TrainingCheckpoint first = checkpoints(experiment("sgd", 1)).get(0);
    // As if the run's first loss had been tiny: the resumed steps are far above it.
    TrainingCheckpoint tiny =
        with(first, first.learningRate(), first.streams(), 1e-12, Optional.empty());
    assertThatThrownBy(() -> trainer().resume(experiment("sgd", 2), tiny, XorRuns.QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("more than 10000 times the first step's 1.000e-12");
  }

  @Test
  void everyRandomStreamMustBeInTheCheckpoint() {
    TrainingCheckpoint first = checkpoints(experiment("sgd", 1)).get(0);
    assertThat(first.streams()).containsKeys("shuffle", "layers.0", "layers.1");
    for (String name : List.of("shuffle", "layers.1")) {
      Map<String, long[]> fewer = new LinkedHashMap<>(first.streams());
      fewer.remove(name);
      TrainingCheckpoint missing =
          with(first, first.learningRate(), fewer, first.lossBaseline(), Optional.empty());
      assertThatThrownBy(
              () -> trainer().resume(experiment("sgd", 2), missing, XorRuns.QUIET, List.of()))
          .isInstanceOf(DendriteException.class)
          .hasMessage("the checkpoint has no state for the random stream " + name);
    }
  }

  @Test
  void withoutShuffleTheExamplesKeepTheirOrder() {
    Map<String, Object> values = XorRuns.values("xor16", 2, 5);
    values.put("training", Map.of("epochs", 2, "batch_size", 5, "shuffle", false));
    int[] identity = new int[16];
    for (int i = 0; i < 16; i++) {
      identity[i] = i;
    }
    assertThat(checkpoints(XorRuns.experiment(values)).get(1).order()).containsExactly(identity);
    assertThat(checkpoints(experiment("sgd", 2)).get(1).order())
        .containsExactlyInAnyOrder(identity)
        .isNotEqualTo(identity);
  }
}
