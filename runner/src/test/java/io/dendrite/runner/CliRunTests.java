package io.dendrite.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as scripts use it: a separate {@code java} process. It runs on the real plugins
 * and is checked by exit code, output and files.
 */
class CliRunTests {
  private static final String TINY_MNIST =
      """
      name: tiny-mnist
      seed: 3
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 32, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 1, batch_size: 64}
      """;

  @TempDir Path dir;

  private ChildCli.Outcome dendrite(String... args) throws IOException, InterruptedException {
    return new ChildCli(dir).run(args);
  }

  @Test
  void runTrainsOnTheMnistSampleAndWritesTheRunDirectory() throws Exception {
    TestFiles.write(dir, "tiny.yaml", TINY_MNIST);
    ChildCli.Outcome r = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .contains("run         out\n")
        .containsPattern("(?m)^epoch 1/1  loss \\d+\\.\\d{4}  accuracy \\d\\.\\d{4}  val_loss .*s$")
        .containsPattern("(?m)^test  loss \\d+\\.\\d{4}  accuracy \\d\\.\\d{4}$");
    assertThat(r.err()).doesNotContain("Exception");

    Path out = dir.resolve("out");
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"status\": \"completed\"");
    assertThat(out.resolve("model.safetensors")).isRegularFile();
    assertThat(out.resolve("checkpoints/epoch-0001.safetensors")).isRegularFile();
    assertThat(Files.readString(out.resolve("experiment.resolved.yaml")))
        .startsWith("# Resolved from tiny.yaml by dendrite ");
    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(csv).hasSize(2);
    assertThat(csv.get(0))
        .isEqualTo("epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds");
    assertThat(csv.get(1)).startsWith("1,");

    Map<?, ?> metrics = (Map<?, ?>) StrictJson.parse(Files.readString(out.resolve("metrics.json")));
    assertThat((List<?>) metrics.get("epochs")).hasSize(1);
    Map<?, ?> test = (Map<?, ?>) metrics.get("test");
    assertThat((Double) test.get("accuracy")).isBetween(0.5, 1.0);
    assertThat((Double) test.get("loss")).isPositive();

    ChildCli.Outcome again = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds the results of a completed run");
  }

  @Test
  void validateReportsAnUnknownActivationAndExitsTwo() throws Exception {
    TestFiles.write(dir, "bad.yaml", TINY_MNIST.replace("activation: relu", "activation: rleu"));
    ChildCli.Outcome r = dendrite("validate", "bad.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "bad.yaml:9:44: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: ")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();

    TestFiles.write(dir, "good.yaml", TINY_MNIST);
    ChildCli.Outcome ok = dendrite("validate", "good.yaml");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).startsWith("good.yaml: valid\n");
  }

  @Test
  void missingDataFilesAreReportedBeforeAnythingIsWrittenWithTheirAbsolutePaths() throws Exception {
    TestFiles.write(
        dir,
        "idx.yaml",
        """
        data:
          train: {type: idx, images: missing/images.gz, labels: missing/labels.gz}
        model: {layers: [{type: dense, units: 10, activation: softmax}]}
        loss: cross_entropy
        """);
    ChildCli.Outcome v = dendrite("validate", "idx.yaml");
    assertThat(v.exitCode()).as("stderr: %s", v.err()).isEqualTo(2);
    assertThat(v.err())
        .contains(
            "idx.yaml:2:30: data.train.images: no such file or folder: "
                + dir.toAbsolutePath().resolve("missing/images.gz"))
        .contains(
            "idx.yaml:2:57: data.train.labels: no such file or folder: "
                + dir.toAbsolutePath().resolve("missing/labels.gz"))
        .doesNotContain("\tat ");

    ChildCli.Outcome r = dendrite("run", "idx.yaml", "--out", "out");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).contains(dir.toAbsolutePath().resolve("missing/images.gz").toString());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aModelThatDoesNotFitTheDataPointsAtTheLayer() throws Exception {
    TestFiles.write(dir, "tiny.yaml", TINY_MNIST.replace("units: 10,", "units: 7,"));
    ChildCli.Outcome r = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("\ntiny.yaml:10:28: model.layers[1].units: ")
        .doesNotContain("\tat ");

    ChildCli.Outcome overridden =
        dendrite("run", "tiny.yaml", "model.layers[1].units=8", "--out", "out2");
    assertThat(overridden.exitCode()).isEqualTo(2);
    assertThat(overridden.err())
        .contains("\noverride 'model.layers[1].units=8': model.layers[1].units: ");
  }
}
