package io.dendrite.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLoaderTests {
  private static final PluginRegistry REGISTRY =
      PluginRegistry.discover(SweepLoaderTests.class.getClassLoader());

  @TempDir Path dir;

  private static final String BASE =
      """
      name: s
      seed: 3
      data:
        train: {type: mnist_sample, split: train}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 16, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.001}
      training: {epochs: 1}
      """;

  private SweepPlan load(String sweep) {
    Path file = TestFiles.write(dir, "s.yaml", BASE + sweep);
    return new SweepLoader(REGISTRY).load(file, "s.yaml", List.of());
  }

  @Test
  void aGridRunsEveryCombinationTheFirstParameterSlowest() {
    SweepPlan plan =
        load(
            """
            sweep:
              metric: val_accuracy
              parameters:
                optimizer.learning_rate: {values: [0.001, 0.01]}
                model.layers[0].units: {values: [8, 16, 32]}
            """);
    assertThat(plan.trials()).hasSize(6);
    assertThat(plan.maximize()).isTrue();
    assertThat(plan.trials().get(1).overrides())
        .containsExactly("optimizer.learning_rate=0.001", "model.layers[0].units=16");
    assertThat(plan.trials().get(5).experiment().experiment().layers().get(0).params().values())
        .containsEntry("units", 32);
  }

  @Test
  void randomTrialsDependOnTheSeedAndTheirIndexOnly() {
    String sweep =
        """
        sweep:
          method: random
          trials: %d
          metric: val_loss
          parameters:
            optimizer.learning_rate: {distribution: log_uniform, min: 0.0001, max: 0.1}
            model.layers[0].units: {distribution: int_uniform, min: 8, max: 64}
            optimizer.type: {distribution: choice, values: [adam, sgd]}
        """;
    SweepPlan three = load(sweep.formatted(3));
    SweepPlan five = load(sweep.formatted(5));
    assertThat(three.maximize()).isFalse();
    for (int i = 0; i < 3; i++) {
      assertThat(five.trials().get(i).values()).isEqualTo(three.trials().get(i).values());
    }
    assertThat(three.trials().get(0).values()).isNotEqualTo(three.trials().get(1).values());
    double rate = Double.parseDouble(three.trials().get(2).values().get("optimizer.learning_rate"));
    assertThat(rate).isBetween(0.0001, 0.1);
  }

  @Test
  void aTypoInASweptPathOrValueIsReportedWhereItIsWritten() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    sweep:
                      metric: val_acuracy
                      parameters:
                        optimizer.learnin_rate: {values: [0.1]}
                        model.layers[0].units: {values: [8, ten]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "s.yaml:16:5: optimizer.learnin_rate: unknown parameter 'learnin_rate' of optimizer"
                + " 'adam' (did you mean 'learning_rate'?)")
        .hasMessageContaining(
            "s.yaml:17:41: model.layers[0].units: expected an integer >= 1, found \"ten\"");
  }

  @Test
  void anUnmeasuredMetricIsRefusedWithASuggestion() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    sweep:
                      metric: val_acuracy
                      parameters:
                        optimizer.learning_rate: {values: [0.1]}
                    """))
        .hasMessageContaining(
            "s.yaml:14:11: sweep.metric: 'val_acuracy' is not measured (did you"
                + " mean 'val_accuracy'?)");
  }
}
