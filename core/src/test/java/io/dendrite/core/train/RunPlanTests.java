package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.PluginKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlanTests {
  @Test
  void aPlanGivesEveryLayerItsWidthParametersAndTheMemoryOfTheRun() {
    // 16 examples: 4 held out for validation, 12 trained on in batches of 5 (3 steps); 4 tested.
    Map<String, Object> values = XorRuns.values("xor16", 7, 5);
    XorRuns.data(values).put("validation_split", 0.25);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "xor"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "momentum"));
    var local = XorRuns.components(0.1);
    local.put("momentum", () -> new TestComponents.Momentum(0.1));
    RunPlan plan = XorRuns.trainer(local).plan(XorRuns.experiment(values));

    assertThat(plan.inputs()).isEqualTo(2);
    assertThat(plan.layers())
        .containsExactly(
            new RunPlan.Layer("layers.0", "dense", "tanh", 8, 2 * 8 + 8),
            new RunPlan.Layer("layers.1", "dense", "", 1, 8 + 1));
    assertThat(plan.parameters()).isEqualTo(33);
    assertThat(plan.trainExamples()).isEqualTo(12);
    assertThat(plan.validationExamples()).isEqualTo(4);
    assertThat(plan.testExamples()).isEqualTo(4);
    assertThat(plan.batchSize()).isEqualTo(5);
    assertThat(plan.epochs()).isEqualTo(7);
    assertThat(plan.stepsPerEpoch()).isEqualTo(3);
    assertThat(plan.weightBytes()).isEqualTo(33 * 4);
    // momentum keeps one velocity per parameter, known only once it has stepped
    assertThat(plan.optimizerStateBytes()).isEqualTo(33 * 4);
    // the input batch, then each layer's output and its gradient, twice more behind tanh
    assertThat(plan.batchBufferBytes()).isEqualTo(4L * (5 * 2 + 5 * 8 * 4 + 5 * 1 * 2));
  }

  @Test
  void aPlanWithoutHeldOutDataOrOptimizerStateCountsThemAsNothing() {
    RunPlan plan =
        XorRuns.trainer(XorRuns.components(0.1))
            .plan(XorRuns.experiment(XorRuns.values("xor", 1, 4)));
    assertThat(plan.trainExamples()).isEqualTo(4);
    assertThat(plan.validationExamples()).isZero();
    assertThat(plan.testExamples()).isZero();
    assertThat(plan.stepsPerEpoch()).isEqualTo(1);
    assertThat(plan.optimizerStateBytes()).isZero();
  }

  @Test
  void aPlanRefusesALastLayerThatDoesNotFitTheTargets() {
    Map<String, Object> values = XorRuns.values("xor", 1, 4);
    values.put("model", Map.of("layers", List.of(XorRuns.dense(2, null))));
    assertThatThrownBy(
            () -> XorRuns.trainer(XorRuns.components(0.1)).plan(XorRuns.experiment(values)))
        .isInstanceOf(DendriteException.class)
        .hasMessage("the last layer has 2 outputs but the data has 1 target values; set units: 1");
  }

  @Test
  void stepsPerEpochCountTheLastSmallerBatch() {
    RunPlan exact = new RunPlan(1, List.of(), 10, 0, 0, 5, 1, 0, 0, 0);
    RunPlan more = new RunPlan(1, List.of(), 11, 0, 0, 5, 1, 0, 0, 0);
    RunPlan fewer = new RunPlan(1, List.of(), 3, 0, 0, 5, 1, 0, 0, 0);
    assertThat(exact.stepsPerEpoch()).isEqualTo(2);
    assertThat(more.stepsPerEpoch()).isEqualTo(3);
    assertThat(fewer.stepsPerEpoch()).isEqualTo(1);
    assertThat(exact.parameters()).isZero();
  }
}
