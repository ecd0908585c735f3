package io.dendrite.runner.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes of new users, caught by validation with the built-in plugins' declarations. */
class MistakesBeforeTrainingTests {
  private static final PluginRegistry BUILT_IN =
      PluginRegistry.discover(MistakesBeforeTrainingTests.class.getClassLoader());

  @TempDir Path dir;

  private List<String> problems(String yaml) {
    Path file = TestFiles.write(dir, "exp.yaml", yaml);
    try {
      new ExperimentLoader(BUILT_IN).load(file, "exp.yaml", List.of());
    } catch (ConfigException e) {
      assertThat(e.exitCode()).isEqualTo(2);
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    return List.of();
  }

  private static String mnist(String lastLayer, String loss) {
    return """
        data: {train: mnist_sample}
        model:
          layers:
            - {type: dense, units: 16, activation: relu}
            - %s
        loss: %s
        """
        .formatted(lastLayer, loss);
  }

  @Test
  void sixMistakesGiveSixPositionedMessagesInOneRun() {
    List<String> problems =
        problems(
            """
            data: {train: mnist_sample}
            model:
              layers:
                - {type: dense, units: "ten", activation: relux}
                - {type: dense, units: 10, activation: relu}
            loss: cross_entropy
            optimizer: {type: adam, learning_rate: -0.1}
            trainig: {batchsize: 8}
            """);
    assertThat(problems).hasSize(6);
    assertThat(problems.get(0))
        .startsWith(
            "exp.yaml:4:28: model.layers[0].units: expected an integer >= 1, found \"ten\"");
    assertThat(problems.get(1))
        .startsWith(
            "exp.yaml:4:47: model.layers[0].activation: unknown activation 'relux' (did you mean"
                + " 'relu'?)");
    assertThat(problems.get(2))
        .startsWith(
            "exp.yaml:5:44: model.layers[1].activation: the output activation 'relu' gives"
                + " non-negative values, but the loss 'cross_entropy' needs probabilities over the"
                + " classes: use activation: softmax");
    assertThat(problems.get(3)).startsWith("exp.yaml:7:40: optimizer.learning_rate: must be > 0");
    assertThat(problems.get(4))
        .startsWith("exp.yaml:8:1: trainig: unknown key 'trainig' (did you mean 'training'?)");
    assertThat(problems.get(5))
        .startsWith(
            "exp.yaml:8:11: trainig.batchsize: unknown key 'batchsize' in training (did you mean"
                + " 'batch_size'?)");
  }

  @Test
  void reluBeforeCrossEntropyIsRefusedAtTheActivation() {
    assertThat(
            problems(
                """
                data: {train: mnist_sample}
                model:
                  layers:
                    - {type: dense, units: 16, activation: relu}
                    - {type: dense, units: 10, activation: relu}
                loss: cross_entropy
                """))
        .containsExactly(
            "exp.yaml:5:44: model.layers[1].activation: the output activation 'relu' gives"
                + " non-negative values, but the loss 'cross_entropy' needs probabilities over the"
                + " classes: use activation: softmax");
  }

  @Test
  void identityBeforeBinaryCrossEntropySaysSigmoidOrFromLogits() {
    assertThat(
            problems(
                mnist("{type: dense, units: 10, activation: identity}", "binary_cross_entropy")))
        .singleElement()
        .asString()
        .contains("model.layers[1].activation: the output activation 'identity' gives any real")
        .contains(
            "needs a probability per output: use activation: hard_sigmoid or activation: sigmoid")
        .endsWith(", or set from_logits: true on the loss");
    assertThat(
            problems(
                mnist(
                    "{type: dense, units: 10, activation: identity}",
                    "{type: binary_cross_entropy, from_logits: true}")))
        .isEmpty();
  }

  @Test
  void aLastLayerWithoutActivationIsRefusedAtTheLayer() {
    assertThat(problems(mnist("{type: dense, units: 10}", "cross_entropy")))
        .containsExactly(
            "exp.yaml:5:7: model.layers[1]: the last layer has no activation, so it gives any real"
                + " values, but the loss 'cross_entropy' needs probabilities over the classes: add"
                + " activation: softmax");
  }

  @Test
  void outputsThatSuitTheirLossPass() {
    assertThat(problems(mnist("{type: dense, units: 10, activation: softmax}", "cross_entropy")))
        .isEmpty();
    assertThat(problems(mnist("{type: dense, units: 10, activation: softmax}", "mse"))).isEmpty();
    assertThat(
            problems(
                mnist("{type: dense, units: 10, activation: sigmoid}", "binary_cross_entropy")))
        .isEmpty();
    assertThat(problems(mnist("{type: dense, units: 10, activation: log_softmax}", "nll")))
        .isEmpty();
    assertThat(problems(mnist("{type: dense, units: 10}", "mse"))).isEmpty();
  }

  @Test
  void aLastLayerNarrowerThanTheDeclaredClassesIsRefusedAtItsUnits() {
    assertThat(problems(mnist("{type: dense, units: 12, activation: softmax}", "cross_entropy")))
        .containsExactly(
            "exp.yaml:5:28: model.layers[1].units: the last layer has 12 outputs but the training"
                + " data has 10 classes; set units: 10");
    assertThat(
            problems(
                mnist(
                    "{type: dense, units: 10, activation: softmax}\n    - {type: dropout, rate: 0.1}",
                    "mse")))
        .isEmpty();
  }

  @Test
  void aMissingDataFileIsReportedWithItsAbsolutePath() {
    List<String> problems =
        problems(
            """
            data: {train: {type: csv, path: data/missing.csv, target: y}}
            model: {layers: [{type: dense, units: 1}]}
            loss: mse
            """);
    assertThat(problems)
        .containsExactly(
            "exp.yaml:1:33: data.train.path: no such file or folder: "
                + dir.resolve("data/missing.csv").toAbsolutePath()
                + " (relative to the experiment file)");
  }
}
