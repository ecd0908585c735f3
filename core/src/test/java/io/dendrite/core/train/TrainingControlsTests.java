package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Early stopping, clipping, the time limit and the divergence guard, on the real trainer. */
class TrainingControlsTests {
  private static final TrainingListener QUIET = new TrainingListener() {};

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

  private static Experiment experiment(int epochs, Map<String, Object> training, double split) {
    Map<String, Object> t = new LinkedHashMap<>(training);
    t.put("epochs", epochs);
    t.put("batch_size", 4);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seed", 3L);
    values.put(
        "data", Map.of("train", spec(PluginKind.DATASET, "xor16"), "validation_split", split));
    values.put("model", Map.of("layers", List.of(dense(8, "tanh"), dense(1, null))));
    values.put("loss", spec(PluginKind.LOSS, "squared_error"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "custom"));
    values.put("training", t);
    values.put("metrics", List.of());
    return Experiment.of(values, "controls");
  }

  private static ExperimentTrainer trainer(Supplier<Object> optimizer) {
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("custom", optimizer);
    local.put("xor16", () -> TestComponents.repeatedXor(4));
    return new ExperimentTrainer(
        new TestComponents(local), Kernels.singleThreaded(), Path.of("."), Path.of("c"));
  }

  @Test
  void earlyStoppingEndsTrainingWhenTheMonitoredValueStopsImproving() {
    // A learning rate of 0 leaves the loss where it is: no epoch improves on the first.
    TrainingResult result =
        trainer(() -> new TestComponents.PlainSgd(0))
            .run(
                experiment(
                    20, Map.of("early_stopping", Map.of("monitor", "loss", "patience", 3)), 0),
                QUIET,
                List.of());
    assertThat(result.epochs()).hasSize(4);
    assertThat(result.stopReason())
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("early stopping: loss did not improve for 3 epochs"));
  }

  @Test
  void restoreBestEndsWithTheWeightsOfTheBestEpoch() {
    // Gradient ascent makes every epoch worse than the first: the first is the best.
    List<float[]> firstEpoch = new ArrayList<>();
    TrainingListener recordFirst =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingContext context, EpochResult result) {
            if (result.epoch() == 1) {
              for (Parameter p : context.network().parameters()) {
                firstEpoch.add(p.value().floats().clone());
              }
            }
          }
        };
    TrainingResult result =
        trainer(() -> new TestComponents.PlainSgd(-0.05))
            .run(
                experiment(
                    10,
                    Map.of(
                        "early_stopping",
                        Map.of("monitor", "val_loss", "patience", 2, "restore_best", true)),
                    0.25),
                recordFirst,
                List.of());
    assertThat(result.epochs()).hasSize(3);
    assertThat(result.stopReason().orElseThrow()).endsWith("the weights of epoch 1 are restored");
    List<Parameter> params = result.network().parameters();
    for (int i = 0; i < params.size(); i++) {
      assertThat(params.get(i).value().floats()).containsExactly(firstEpoch.get(i));
    }
  }

  @Test
  void aMonitoredValueThatIsNotMeasuredIsAConfigurationErrorAtItsKey() {
    assertThatThrownBy(
            () ->
                trainer(() -> new TestComponents.PlainSgd(0.1))
                    .run(
                        experiment(2, Map.of("early_stopping", Map.of("monitor", "val_los")), 0.25),
                        QUIET,
                        List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessage("'val_los' is not measured (did you mean 'val_loss'?); known: loss, val_loss")
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("training.early_stopping.monitor");
    assertThatThrownBy(
            () ->
                trainer(() -> new TestComponents.PlainSgd(0.1))
                    .run(
                        experiment(2, Map.of("early_stopping", Map.of("monitor", "val_loss")), 0),
                        QUIET,
                        List.of()))
        .hasMessageContaining("needs validation examples: set data.validation_split");
  }

  @Test
  void clipWithNeitherNormNorValueIsRefused() {
    assertThatThrownBy(
            () ->
                trainer(() -> new TestComponents.PlainSgd(0.1))
                    .run(experiment(1, Map.of("clip", Map.of()), 0), QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .extracting(e -> ((DendriteException) e).configPath())
        .isEqualTo("training.clip");
  }

  @Test
  void clippingByNormBoundsTheGlobalNormOfEveryStep() {
    List<Double> norms = new ArrayList<>();
    GradientProcessor measure =
        (context, parameters) -> norms.add(GradientClipping.globalNorm(parameters));
    trainer(() -> new TestComponents.PlainSgd(0.5))
        .run(experiment(3, Map.of("clip", Map.of("norm", 0.01)), 0), QUIET, List.of(measure));
    assertThat(norms).hasSize(12).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(0.01));
  }

  @Test
  void theTimeLimitStopsTrainingAtTheStepThatReachesIt() {
    TrainingResult result =
        trainer(() -> new TestComponents.PlainSgd(0.1))
            .run(experiment(50, Map.of("max_seconds", 1e-9), 0), QUIET, List.of());
    assertThat(result.epochs()).hasSize(1);
    assertThat(result.epochs().get(0).steps()).isEqualTo(1);
    assertThat(result.stopReason().orElseThrow()).startsWith("time limit: training.max_seconds");
  }

  /** An optimizer that multiplies every weight by 10 each step: the loss explodes, finite. */
  static final class Exploding implements Optimizer {
    @Override
    public void step(List<Parameter> parameters) {
      for (Parameter p : parameters) {
        for (int i = 0; i < p.value().size(); i++) {
          p.value().set(i, p.value().get(i) * 10 + 1);
        }
      }
    }

    @Override
    public double learningRate() {
      return 0.5;
    }

    @Override
    public void setLearningRate(double learningRate) {}
  }

  @Test
  void aLossThatExplodesStopsTheRunBeforeItIsInfinite() {
    assertThatThrownBy(
            () -> trainer(Exploding::new).run(experiment(50, Map.of(), 0), QUIET, List.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching(
            "training diverged at epoch \\d+, step \\d+: the loss is \\S+, more than 10000 times"
                + " the first step's .*; try a smaller learning_rate \\(it is 0.5000\\).*")
        .extracting(e -> ((DendriteException) e).exitCode())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                trainer(Exploding::new)
                    .run(experiment(50, Map.of("max_loss", 100.0), 0), QUIET, List.of()))
        .hasMessageContaining("above training.max_loss 100.0");
  }
}
