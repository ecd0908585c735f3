package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingReplayTests {
  private final Experiment experiment = XorRuns.experiment(XorRuns.values("xor", 3, 4));
  private final List<String> events = new ArrayList<>();
  private final List<TrainingCheckpoint> checkpoints = new ArrayList<>();
  private final List<Object> failures = new ArrayList<>();

  /** Records every call with what the context says then. */
  private final TrainingListener recorder =
      new TrainingListener() {
        @Override
        public void onStart(TrainingContext context, TrainingPlan plan) {
          events.add("start checkpointable " + context.checkpointable());
        }

        @Override
        public void onResume(TrainingContext context, List<EpochResult> done) {
          events.add(
              "resume " + done.size() + " at " + context.epoch() + "/" + context.globalStep());
        }

        @Override
        public void onStep(TrainingContext context, double loss) {
          events.add(
              "step "
                  + context.epoch()
                  + "."
                  + context.step()
                  + " #"
                  + context.globalStep()
                  + " "
                  + loss);
        }

        @Override
        public void onEpoch(TrainingContext context, EpochResult result) {
          events.add("epoch " + context.epoch() + " lr " + context.learningRate());
          try {
            checkpoints.add(context.checkpoint());
          } catch (IllegalStateException e) {
            failures.add(e.getMessage());
          }
        }

        @Override
        public void onTest(TrainingContext context, Evaluation test) {
          events.add("test " + test.loss());
        }
      };

  private TrainingReplay replay(Optional<TrainingCheckpoint> resume) {
    var local = XorRuns.components(0.1);
    return new TrainingReplay(
        experiment,
        XorRuns.trainer(local),
        new TestComponents(local),
        Kernels.singleThreaded(),
        recorder,
        resume);
  }

  private static EpochResult epoch(int epoch, double rate) {
    Evaluation e = new Evaluation(0.25 * epoch, Map.of(), 4);
    return new EpochResult(epoch, e, Optional.empty(), 0.5, 1, rate);
  }

  private static Map<String, float[]> tensors(TrainingReplay replay, float value) {
    Map<String, float[]> out = new LinkedHashMap<>();
    replay
        .network()
        .tensors()
        .forEach(
            (name, m) -> {
              float[] v = new float[m.size()];
              java.util.Arrays.fill(v, value);
              out.put(name, v);
            });
    return out;
  }

  /** A real checkpoint of the local run after {@code epochs} epochs. */
  private TrainingCheckpoint localCheckpoint(int epochs) {
    List<TrainingCheckpoint> taken = new ArrayList<>();
    XorRuns.trainer(XorRuns.components(0.1))
        .run(
            XorRuns.experiment(XorRuns.values("xor", epochs, 4)),
            new TrainingListener() {
              @Override
              public void onEpoch(TrainingContext context, EpochResult result) {
                taken.add(context.checkpoint());
              }
            },
            List.of());
    return taken.get(taken.size() - 1);
  }

  @Test
  void thePlanAndTheNetworkAreTheLocalRunsBeforeItsFirstStep() {
    TrainingReplay replay = replay(Optional.empty());
    TrainingPlan plan = replay.plan();
    assertThat(plan.trainExamples()).isEqualTo(4);
    assertThat(plan.validationExamples()).isZero();
    assertThat(plan.testExamples()).isZero();
    assertThat(plan.inputSize()).isEqualTo(2);
    assertThat(plan.outputSize()).isEqualTo(1);
    assertThat(plan.parameterCount()).isEqualTo(2 * 8 + 8 + 8 + 1);
    assertThat(plan.epochs()).isEqualTo(3);
    assertThat(plan.stepsPerEpoch()).isEqualTo(1);
    assertThat(events).containsExactly("start checkpointable true");
    // With a learning rate of 0 the local run's weights stay those it was initialized with.
    TrainingResult still =
        XorRuns.trainer(XorRuns.components(0))
            .run(XorRuns.experiment(XorRuns.values("xor", 1, 4)), XorRuns.QUIET, List.of());
    assertThat(XorRuns.weights(replay.network().parameters()))
        .usingRecursiveComparison()
        .isEqualTo(XorRuns.weights(still.network().parameters()));
  }

  @Test
  void thePlanCountsTheHeldOutExamplesAsTheWorkersSplitThem() {
    Map<String, Object> values = XorRuns.values("xor16", 2, 5);
    XorRuns.data(values).put("validation_split", 0.25);
    XorRuns.data(values)
        .put(
            "test",
            io.dendrite.core.train.TestComponents.spec(
                io.dendrite.core.spi.PluginKind.DATASET, "xor"));
    var local = XorRuns.components(0.1);
    TrainingReplay replay =
        new TrainingReplay(
            XorRuns.experiment(values),
            XorRuns.trainer(local),
            new TestComponents(local),
            Kernels.singleThreaded(),
            recorder);
    assertThat(replay.plan().trainExamples()).isEqualTo(12);
    assertThat(replay.plan().validationExamples()).isEqualTo(4);
    assertThat(replay.plan().testExamples()).isEqualTo(4);
    assertThat(replay.plan().stepsPerEpoch()).isEqualTo(3);
  }

  @Test
  void stepsEpochsAndTheTestArePlayedToTheListenerInOrder() {
    TrainingReplay replay = replay(Optional.empty());
    replay.step(1, 0.5);
    replay.checkpoint(localCheckpoint(1));
    replay.epoch(epoch(1, 0.05), tensors(replay, 0.75f));
    replay.step(2, 0.25);
    replay.step(2, 0.125);
    Evaluation test = new Evaluation(0.375, Map.of(), 4);
    replay.test(test);
    assertThat(events)
        .containsExactly(
            "start checkpointable true",
            "step 1.1 #1 0.5",
            "epoch 1 lr 0.05",
            "step 2.1 #2 0.25",
            "step 2.2 #3 0.125",
            "test 0.375");
    assertThat(failures).isEmpty();
    assertThat(checkpoints).extracting(TrainingCheckpoint::epoch).containsExactly(1);
    for (Matrix m : replay.network().tensors().values()) {
      for (int i = 0; i < m.size(); i++) {
        assertThat(m.get(i)).isEqualTo(0.75);
      }
    }
    TrainingResult result = replay.result();
    assertThat(result.epochs()).extracting(EpochResult::epoch).containsExactly(1);
    assertThat(result.test()).containsSame(test);
    assertThat(result.network()).isSameAs(replay.network());
    assertThat(result.plan()).isSameAs(replay.plan());
    assertThat(result.stopReason()).isEmpty();
    assertThat(result.data().train().size()).isEqualTo(4);
  }

  @Test
  void anEpochWithoutItsCheckpointCannotBeCheckpointed() {
    TrainingReplay replay = replay(Optional.empty());
    replay.step(1, 0.5);
    replay.epoch(epoch(1, 0.1), tensors(replay, 0));
    replay.checkpoint(localCheckpoint(1));
    replay.step(2, 0.5);
    replay.epoch(epoch(2, 0.1), tensors(replay, 0));
    assertThat(failures)
        .containsExactly(
            "the workers sent no checkpoint for epoch 1",
            "the workers sent no checkpoint for epoch 2");
  }

  @Test
  void anEpochSentWithoutStepsStillCountsAsThatEpoch() {
    TrainingReplay replay = replay(Optional.empty());
    replay.epoch(epoch(2, 0.1), tensors(replay, 0));
    assertThat(events).endsWith("epoch 2 lr 0.1");
  }

  @Test
  void theWorkersStopReasonIsTheResults() {
    TrainingReplay replay = replay(Optional.empty());
    replay.stopped("validation loss did not improve");
    replay.stopped("later reasons lose");
    assertThat(replay.result().stopReason()).contains("validation loss did not improve");
  }

  @Test
  void tensorsThatAreNotTheNetworksAreRefused() {
    TrainingReplay replay = replay(Optional.empty());
    Map<String, float[]> missing = tensors(replay, 0);
    missing.remove("layers.1.bias");
    assertThatThrownBy(() -> replay.epoch(epoch(1, 0.1), missing))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("the workers sent tensors [")
        .hasMessageContaining(" for a network of [");
    Map<String, float[]> shorter = tensors(replay, 0);
    shorter.put("layers.1.bias", new float[2]);
    assertThatThrownBy(() -> replay.epoch(epoch(1, 0.1), shorter))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the workers sent 2 values for layers.1.bias of 1");
    assertThat(events).containsExactly("start checkpointable true");
  }

  @Test
  void aResumedReplayStartsFromTheCheckpoint() {
    TrainingCheckpoint cp = localCheckpoint(2);
    TrainingReplay replay = replay(Optional.of(cp));
    assertThat(events).containsExactly("start checkpointable true", "resume 2 at 2/2");
    assertThat(XorRuns.weights(replay.network().parameters()).get(0))
        .containsExactly(cp.network().get("layers.0.weight").floats());
    replay.step(3, 0.5);
    replay.epoch(epoch(3, 0.1), tensors(replay, 0));
    // Until the workers send the next one, the resumed epoch's checkpoint is the latest.
    assertThat(failures).containsExactly("the workers sent no checkpoint for epoch 3");
    assertThat(events).contains("step 3.1 #3 0.5");
    assertThat(replay.result().epochs()).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
  }

  @Test
  void aResumedReplayKeepsTheCheckpointsRateAndStopReason() {
    TrainingCheckpoint cp = localCheckpoint(1);
    TrainingCheckpoint stopped =
        new TrainingCheckpoint(
            cp.epoch(),
            cp.globalStep(),
            cp.network(),
            cp.optimizer(),
            0.0625,
            cp.schedule(),
            cp.streams(),
            cp.order(),
            cp.lossBaseline(),
            cp.earlyStopping(),
            cp.epochs(),
            Optional.of("stopped before"));
    List<Double> rates = new ArrayList<>();
    List<TrainingCheckpoint> latest = new ArrayList<>();
    var local = XorRuns.components(0.1);
    TrainingReplay replay =
        new TrainingReplay(
            experiment,
            XorRuns.trainer(local),
            new TestComponents(local),
            Kernels.singleThreaded(),
            new TrainingListener() {
              @Override
              public void onResume(TrainingContext context, List<EpochResult> done) {
                rates.add(context.learningRate());
                latest.add(context.checkpoint());
              }
            },
            Optional.of(stopped));
    assertThat(rates).containsExactly(0.0625);
    assertThat(latest).containsExactly(stopped);
    assertThat(replay.result().stopReason()).contains("stopped before");
  }

  @Test
  void aCheckpointOfAnotherNetworkIsRefused() {
    TrainingCheckpoint cp = localCheckpoint(1);
    Map<String, Matrix> fewer = new LinkedHashMap<>(cp.network());
    fewer.remove("layers.0.bias");
    TrainingCheckpoint other =
        new TrainingCheckpoint(
            cp.epoch(),
            cp.globalStep(),
            fewer,
            cp.optimizer(),
            cp.learningRate(),
            cp.schedule(),
            cp.streams(),
            cp.order(),
            cp.lossBaseline(),
            cp.earlyStopping(),
            cp.epochs(),
            cp.stopReason());
    assertThatThrownBy(() -> replay(Optional.of(other)))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("the checkpoint holds tensors [")
        .hasMessageContaining("for a network of [");
  }
}
