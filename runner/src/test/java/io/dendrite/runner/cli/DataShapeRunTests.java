package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of the data, from the command line: a batch larger than the data is one partial batch,
 * and a test set whose width differs from the training set's (the first layer's input) is refused
 * at its YAML line before training.
 */
class DataShapeRunTests {
  @TempDir Path dir;

  private static final String BLOBS =
      """
      name: shapes
      seed: 1
      data:
        train: {type: blobs, samples: 60, features: 2, centers: 3}
        test: {type: blobs, samples: 30, features: %d, centers: 3}
      model:
        layers:
          - {type: dense, units: 4, activation: relu}
          - {type: dense, units: 3, activation: softmax}
      loss: cross_entropy
      training: {epochs: 2, batch_size: 500}
      """;

  private CliHarness.Result run(int testFeatures) {
    TestFiles.write(dir, "exp.yaml", BLOBS.formatted(testFeatures));
    return new CliHarness(dir, () -> PluginRegistry.discover(getClass().getClassLoader()))
        .run("run", "exp.yaml", "--out", "out");
  }

  @Test
  void aBatchLargerThanTheDataIsOnePartialBatchAnEpoch() throws Exception {
    CliHarness.Result r = run(2);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("training    2 epochs  1 step per epoch").contains("test  loss ");
    List<String> rows = Files.readAllLines(dir.resolve("out/metrics.csv"));
    assertThat(rows).as("the header and two epochs").hasSize(3);
    assertThat(dir.resolve("out/model.safetensors")).exists();
  }

  @Test
  void aTestSetOfAnotherWidthIsAConfigurationErrorAtItsLine() {
    CliHarness.Result r = run(3);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "exp.yaml:5:9: data.test: test examples have 3 features and 3 targets, training"
                + " examples 2 and 3")
        .doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("epoch 1/2");
    assertThat(dir.resolve("out/model.safetensors")).doesNotExist();
  }
}
