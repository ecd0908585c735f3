package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ExperimentTrainerTests {
  private static final TrainingListener QUIET = new TrainingListener() {};

  private static ComponentSpec dense(int units, String activation) {
    Map<String, Object> p = new HashMap<>();
    p.put("units", units);
    if (activation != null) {
      p.put("activation", spec(PluginKind.ACTIVATION, activation));
    }
    p.put("initializer", spec(PluginKind.INITIALIZER, "xavier_uniform"));
    return new ComponentSpec(
        PluginKind.LAYER,
        "dense",
        io.dendrite.core.param.Params.resolve(
            new io.dendrite.core.standin.StandInDense.Plugin().params(), p));
  }

  private static Experiment xorExperiment(
      long seed, int epochs, double validationSplit, List<ComponentSpec> layers) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seed", seed);
    values.put(
        "data",
        Map.of("train", spec(PluginKind.DATASET, "xor"), "validation_split", validationSplit));
    values.put("model", Map.of("layers", layers));
    values.put("loss", spec(PluginKind.LOSS, "squared_error"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "sgd"));
    values.put("training", Map.of("epochs", epochs, "batch_size", 4));
    values.put("metrics", List.of());
    return Experiment.of(values, "xor");
  }

  private static Experiment xorExperiment(long seed, int epochs, double validationSplit) {
    return xorExperiment(seed, epochs, validationSplit, List.of(dense(8, "tanh"), dense(1, null)));
  }

  private static ExperimentTrainer trainer(double learningRate) {
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("sgd", () -> new TestComponents.PlainSgd(learningRate));
    local.put("xor", TestComponents::xor);
    return new ExperimentTrainer(
        new TestComponents(local), Kernels.singleThreaded(), Path.of("."), Path.of("cache"));
  }

  @Test
  void learnsXor() {
    TrainingResult result = trainer(0.1).run(xorExperiment(7, 2000, 0), QUIET, List.of());
    double lastLoss = result.epochs().get(result.epochs().size() - 1).train().loss();
    assertThat(result.epochs().get(0).train().loss()).isGreaterThan(0.2);
    assertThat(lastLoss).isLessThan(0.01);
    assertThat(result.stopReason()).isEmpty();
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    List<float[]> first = weights(trainer(0.1).run(xorExperiment(3, 50, 0), QUIET, List.of()));
    List<float[]> second = weights(trainer(0.1).run(xorExperiment(3, 50, 0), QUIET, List.of()));
    List<float[]> other = weights(trainer(0.1).run(xorExperiment(4, 50, 0), QUIET, List.of()));
    assertThat(second).usingRecursiveComparison().isEqualTo(first);
    assertThat(other.get(0)).isNotEqualTo(first.get(0));
  }

  private static List<float[]> weights(TrainingResult result) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : result.network().parameters()) {
      out.add(p.value().floats().clone());
    }
    return out;
  }

  @Test
  void theNetworkNamesEveryTensorInLayerOrder() {
    TrainingResult result = trainer(0.1).run(xorExperiment(3, 1, 0), QUIET, List.of());
    assertThat(result.network().tensors().keySet())
        .containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias");
    assertThat(result.network().tensors().get("layers.0.weight"))
        .isSameAs(result.network().parameters().get(0).value());
  }

  @Test
  void stopsAtTheFirstNonFiniteLossNamingEpochAndStep() {
    assertThatThrownBy(() -> trainer(1e30).run(xorExperiment(1, 100, 0), QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching(
            "training diverged at epoch \\d+, step 1: .*try a smaller learning_rate .*")
        .extracting(e -> ((DendriteException) e).exitCode())
        .isEqualTo(1);
  }

  @Test
  void validationSplitThatLeavesNothingIsAConfigurationError() {
    assertThatThrownBy(() -> trainer(0.1).run(xorExperiment(1, 1, 0.05), QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("leaves nothing held out")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("data.validation_split");
  }

  @Test
  void lastLayerWidthMustMatchTheTargets() {
    Experiment wide = xorExperiment(1, 1, 0, List.of(dense(8, "tanh"), dense(3, null)));
    assertThatThrownBy(() -> trainer(0.1).run(wide, QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the last layer has 3 outputs but the data has 1 target values; set units: 1")
        .extracting(x -> ((DendriteException) x).configPath())
        .isEqualTo("model.layers[1].units");
  }

  @Test
  void listenerSeesPlanStepsAndEpochsThroughTheContext() {
    List<String> events = new ArrayList<>();
    trainer(0.1)
        .run(
            xorExperiment(1, 2, 0.25),
            new TrainingListener() {
              @Override
              public void onStart(TrainingContext context, TrainingPlan plan) {
                events.add("start " + plan.trainExamples() + "/" + plan.validationExamples());
              }

              @Override
              public void onStep(TrainingContext context, double loss) {
                events.add(
                    "step "
                        + context.epoch()
                        + " "
                        + context.step()
                        + "/"
                        + context.stepsPerEpoch()
                        + " global "
                        + context.globalStep()
                        + " lr "
                        + context.learningRate());
              }

              @Override
              public void onEpoch(TrainingContext context, EpochResult result) {
                events.add("epoch " + result.epoch() + " " + result.validation().isPresent());
              }
            },
            List.of());
    assertThat(events)
        .containsExactly(
            "start 3/1",
            "step 1 1/1 global 1 lr 0.1",
            "epoch 1 true",
            "step 2 1/1 global 2 lr 0.1",
            "epoch 2 true");
  }

  @Test
  void aListenerStopsTrainingAfterAGivenStep() {
    // 16 examples in batches of 4: 4 steps per epoch; stop after global step 6 (epoch 2, step 2).
    List<ComponentSpec> layers = List.of(dense(8, "tanh"), dense(1, null));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("data", Map.of("train", spec(PluginKind.DATASET, "xor16")));
    values.put("model", Map.of("layers", layers));
    values.put("loss", spec(PluginKind.LOSS, "squared_error"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "sgd"));
    values.put("training", Map.of("epochs", 5, "batch_size", 4));
    values.put("metrics", List.of());
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("sgd", () -> new TestComponents.PlainSgd(0.1));
    local.put("xor16", () -> TestComponents.repeatedXor(4));
    ExperimentTrainer trainer =
        new ExperimentTrainer(
            new TestComponents(local), Kernels.singleThreaded(), Path.of("."), Path.of("c"));
    List<Long> steps = new ArrayList<>();
    TrainingResult result =
        trainer.run(
            Experiment.of(values, "stop"),
            new TrainingListener() {
              @Override
              public void onStep(TrainingContext context, double loss) {
                steps.add(context.globalStep());
                if (context.globalStep() == 6) {
                  context.requestStop("enough after step 6");
                }
              }
            },
            List.of());
    assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(result.epochs()).hasSize(2);
    assertThat(result.epochs().get(0).steps()).isEqualTo(4);
    assertThat(result.epochs().get(1).steps()).isEqualTo(2);
    assertThat(result.epochs().get(1).train().examples()).isEqualTo(8);
    assertThat(result.stopReason()).contains("enough after step 6");
  }

  @Test
  void gradientClippingSlotsInBetweenComputingAndApplyingGradients() {
    // A processor that clips every gradient value to [-c, c], written here: the trainer needs no
    // change for it. With a tiny c, one step moves each weight by at most lr * c.
    double c = 1e-4;
    GradientProcessor clip =
        (context, parameters) -> {
          for (Parameter p : parameters) {
            Matrix g = p.gradient();
            for (int i = 0; i < g.size(); i++) {
              g.set(i, Math.max(-c, Math.min(c, g.get(i))));
            }
          }
        };
    Experiment oneStep = xorExperiment(5, 1, 0);
    List<float[]> start = weights(trainer(0.0).run(oneStep, QUIET, List.of()));
    List<float[]> clipped = weights(trainer(0.5).run(oneStep, QUIET, List.of(clip)));
    List<float[]> free = weights(trainer(0.5).run(oneStep, QUIET, List.of()));
    double clippedMove = 0;
    double freeMove = 0;
    for (int k = 0; k < start.size(); k++) {
      for (int i = 0; i < start.get(k).length; i++) {
        clippedMove = Math.max(clippedMove, Math.abs(clipped.get(k)[i] - start.get(k)[i]));
        freeMove = Math.max(freeMove, Math.abs(free.get(k)[i] - start.get(k)[i]));
      }
    }
    assertThat(clippedMove).isLessThanOrEqualTo(0.5 * c * 1.001).isGreaterThan(0);
    assertThat(freeMove).isGreaterThan(100 * clippedMove);
  }
}
