package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.DataSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.TrainingSpec;
import io.dendrite.core.nn.Parameter;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ExperimentTrainerTests {
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
        Params.resolve(
            io.dendrite.core.plugin.PluginRegistry.discover(
                    ExperimentTrainerTests.class.getClassLoader())
                .require(PluginKind.LAYER, "dense")
                .plugin()
                .params(),
            p));
  }

  private static Experiment xorExperiment(long seed, int epochs, double validationSplit) {
    DataSpec data =
        new DataSpec(
            Params.resolve(
                DataSpec.PARAMS,
                Map.of(
                    "train",
                    spec(PluginKind.DATASET, "xor"),
                    "validation_split",
                    validationSplit)));
    TrainingSpec training =
        new TrainingSpec(
            Params.resolve(TrainingSpec.PARAMS, Map.of("epochs", epochs, "batch_size", 4)));
    return new Experiment(
        "xor",
        seed,
        data,
        List.of(dense(8, "tanh"), dense(1, null)),
        spec(PluginKind.LOSS, "squared_error"),
        spec(PluginKind.OPTIMIZER, "sgd"),
        training,
        List.of());
  }

  private static TestComponents components(double learningRate) {
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("sgd", () -> new TestComponents.PlainSgd(learningRate));
    local.put("xor", TestComponents::xor);
    return new TestComponents(local);
  }

  @Test
  void learnsXor() {
    TrainingResult result =
        new ExperimentTrainer(components(0.1))
            .run(xorExperiment(7, 2000, 0), new TrainingListener() {});
    double lastLoss = result.epochs().get(result.epochs().size() - 1).train().loss();
    assertThat(result.epochs().get(0).train().loss()).isGreaterThan(0.2);
    assertThat(lastLoss).isLessThan(0.01);
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    List<float[]> first =
        weights(
            new ExperimentTrainer(components(0.1))
                .run(xorExperiment(3, 50, 0), new TrainingListener() {}));
    List<float[]> second =
        weights(
            new ExperimentTrainer(components(0.1))
                .run(xorExperiment(3, 50, 0), new TrainingListener() {}));
    List<float[]> other =
        weights(
            new ExperimentTrainer(components(0.1))
                .run(xorExperiment(4, 50, 0), new TrainingListener() {}));
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
  void stopsAtTheFirstNonFiniteLossNamingEpochAndStep() {
    assertThatThrownBy(
            () ->
                new ExperimentTrainer(components(1e30))
                    .run(xorExperiment(1, 100, 0), new TrainingListener() {}))
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching("training diverged at epoch \\d+, step 1: .*learning_rate")
        .extracting(e -> ((DendriteException) e).exitCode())
        .isEqualTo(1);
  }

  @Test
  void validationSplitThatLeavesNothingIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                new ExperimentTrainer(components(0.1))
                    .run(xorExperiment(1, 1, 0.05), new TrainingListener() {}))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("leaves no validation examples")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("data.validation_split");
  }

  @Test
  void lastLayerWidthMustMatchTheTargets() {
    Experiment e = xorExperiment(1, 1, 0);
    Experiment wide =
        new Experiment(
            e.name(),
            e.seed(),
            e.data(),
            List.of(dense(8, "tanh"), dense(3, null)),
            e.loss(),
            e.optimizer(),
            e.training(),
            e.metrics());
    assertThatThrownBy(
            () -> new ExperimentTrainer(components(0.1)).run(wide, new TrainingListener() {}))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the last layer has 3 outputs but the data has 1 target values; set units: 1")
        .extracting(x -> ((DendriteException) x).configPath())
        .isEqualTo("model.layers[1].units");
  }

  @Test
  void listenerSeesPlanBatchesAndEpochs() {
    List<String> events = new ArrayList<>();
    new ExperimentTrainer(components(0.1))
        .run(
            xorExperiment(1, 2, 0.25),
            new TrainingListener() {
              @Override
              public void onStart(TrainingPlan plan) {
                events.add("start " + plan.trainExamples() + "/" + plan.validationExamples());
              }

              @Override
              public void onBatch(int epoch, int step, int steps, double loss) {
                events.add("batch " + epoch + " " + step + "/" + steps);
              }

              @Override
              public void onEpoch(EpochResult result) {
                events.add("epoch " + result.epoch() + " " + result.validation().isPresent());
              }
            });
    assertThat(events)
        .containsExactly("start 3/1", "batch 1 1/1", "epoch 1 true", "batch 2 1/1", "epoch 2 true");
  }
}
