package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Divergence and early stopping as a user meets them, through a real run of the CLI. */
class TrainingControlRunTests {
  @TempDir Path dir;

  private static final String MNIST =
      """
      name: control
      seed: 42
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 64, activation: relu, initializer: he_normal}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.001}
      training: {epochs: 3, batch_size: 64}
      """;

  private Result run(String... args) {
    return new CliHarness(dir, () -> PluginRegistry.discover(getClass().getClassLoader()))
        .run(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"adam", "sgd"})
  void aHugeLearningRateStopsTheRunNamingEpochAndStepAndWritesNothingNonFinite(String optimizer)
      throws Exception {
    TestFiles.write(dir, "exp.yaml", MNIST);
    Result r =
        run(
            "run",
            "exp.yaml",
            "optimizer.type=" + optimizer,
            "optimizer.learning_rate=1000000",
            "--out",
            "out");
    assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
    assertThat(r.err())
        .matches(
            "(?s)training diverged at epoch 1, step \\d+: .*; try a smaller learning_rate \\(it is"
                + " 1\\.000e\\+06\\).*\n");
    Path out = dir.resolve("out");
    for (String file : new String[] {"metrics.csv", "metrics.json"}) {
      if (Files.exists(out.resolve(file))) {
        assertThat(Files.readString(out.resolve(file)))
            .doesNotContain("NaN")
            .doesNotContain("Infinity")
            .doesNotContain("null,");
      }
    }
  }

  @Test
  void earlyStoppingSaysSoInTheEpochLinesAndTestsTheBestWeights() throws Exception {
    // Adam at 0.02 overfits the sample within a few epochs: validation loss turns up.
    TestFiles.write(
        dir,
        "exp.yaml",
        MNIST
            .replace("learning_rate: 0.001", "learning_rate: 0.02")
            .replace(
                "training: {epochs: 3, batch_size: 64}",
                "training:\n  epochs: 30\n  batch_size: 64\n  early_stopping: {monitor: val_loss,"
                    + " patience: 2, restore_best: true}"));
    Result r = run("run", "exp.yaml", "--out", "out");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern(
            "(?m)^stopped     early stopping: val_loss did not improve for 2 epochs \\(best"
                + " \\d\\.\\d{4} at epoch (\\d+)\\); the weights of epoch \\1 are restored$");
    long epochs = Files.readAllLines(dir.resolve("out/metrics.csv")).size() - 1;
    assertThat(epochs).isLessThan(30).isGreaterThanOrEqualTo(3);
  }
}
