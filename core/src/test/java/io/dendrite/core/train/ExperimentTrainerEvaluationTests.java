package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.PluginKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test set of a run, and evaluating a trained network again as the run did. */
class ExperimentTrainerEvaluationTests {
  private static Experiment withTestSet() {
    Map<String, Object> values = XorRuns.values("xor16", 3, 5);
    XorRuns.data(values).put("test", spec(PluginKind.DATASET, "xor"));
    XorRuns.data(values).put("validation_split", 0.25);
    values.put("metrics", List.of(spec(PluginKind.METRIC, "accuracy")));
    return XorRuns.experiment(values);
  }

  @Test
  void theTestSetIsEvaluatedOnceAtTheEndAndToldToTheListener() {
    List<String> events = new ArrayList<>();
    List<Evaluation> told = new ArrayList<>();
    TrainingResult result =
        XorRuns.trainer(XorRuns.components(0.1))
            .run(
                withTestSet(),
                new TrainingListener() {
                  @Override
                  public void onStart(TrainingContext context, TrainingPlan plan) {
                    events.add("start test " + plan.testExamples());
                  }

                  @Override
                  public void onEpoch(TrainingContext context, EpochResult epoch) {
                    events.add("epoch " + epoch.epoch());
                  }

                  @Override
                  public void onTest(TrainingContext context, Evaluation test) {
                    events.add("test " + test.examples());
                    told.add(test);
                  }
                },
                List.of());
    assertThat(events).containsExactly("start test 4", "epoch 1", "epoch 2", "epoch 3", "test 4");
    assertThat(result.test()).containsSame(told.get(0));
    assertThat(result.plan().testExamples()).isEqualTo(4);
  }

  @Test
  void evaluatingTheTrainedNetworkGivesTheNumbersTheRunReportedBitForBit() {
    Experiment experiment = withTestSet();
    ExperimentTrainer trainer = XorRuns.trainer(XorRuns.components(0.1));
    TrainingResult result = trainer.run(experiment, XorRuns.QUIET, List.of());
    Evaluation test = result.test().orElseThrow();
    Evaluation again = trainer.evaluate(experiment, result.network(), result.data().test().get());
    assertThat(again.loss()).isEqualTo(test.loss());
    assertThat(again.examples()).isEqualTo(4);
    assertThat(again.metrics()).isEqualTo(test.metrics()).containsOnlyKeys("accuracy");
    Evaluation validation = result.epochs().get(2).validation().orElseThrow();
    assertThat(
            trainer.evaluate(experiment, result.network(), result.data().validation().get()).loss())
        .isEqualTo(validation.loss());
  }
}
