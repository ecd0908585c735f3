package io.dendrite.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  record Outcome(int exitCode, String out, String err) {}

  private Outcome dendrite(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    p.getOutputStream().close();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("dendrite " + String.join(" ", args) + " did not finish");
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void runTrainsOnTheMnistSampleAndWritesTheRunDirectory() throws Exception {
    TestFiles.write(dir, "tiny.yaml", TINY_MNIST);
    Outcome r = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .contains("run         out\n")
        .containsPattern("(?m)^epoch 1/1  loss \\d+\\.\\d{4}  accuracy \\d\\.\\d{4}  val_loss .*s$")
        .containsPattern("(?m)^test  loss \\d+\\.\\d{4}  accuracy \\d\\.\\d{4}$");
    assertThat(r.err()).doesNotContain("Exception");

    Path out = dir.resolve("out");
    assertThat(out.resolve(".lock")).doesNotExist();
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

    Outcome again = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds the results of a run");
  }

  @Test
  void validateReportsAnUnknownActivationAndExitsTwo() throws Exception {
    TestFiles.write(dir, "bad.yaml", TINY_MNIST.replace("activation: relu", "activation: rleu"));
    Outcome r = dendrite("validate", "bad.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "bad.yaml:9:44: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: ")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();

    TestFiles.write(dir, "good.yaml", TINY_MNIST);
    Outcome ok = dendrite("validate", "good.yaml");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).startsWith("good.yaml: valid\n");
  }

  @Test
  void aMissingDataFileExitsThreeNamingTheAbsolutePath() throws Exception {
    TestFiles.write(
        dir,
        "idx.yaml",
        """
        data:
          train: {type: idx, images: missing/images.gz, labels: missing/labels.gz}
        model: {layers: [{type: dense, units: 10, activation: softmax}]}
        loss: cross_entropy
        """);
    Outcome r = dendrite("run", "idx.yaml", "--out", "out");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(3);
    assertThat(r.err())
        .contains(dir.toRealPath().resolve("missing/images.gz").toString())
        .doesNotContain("\tat ");
  }

  @Test
  void aModelThatDoesNotFitTheDataPointsAtTheLayer() throws Exception {
    TestFiles.write(dir, "tiny.yaml", TINY_MNIST.replace("units: 10,", "units: 7,"));
    Outcome r = dendrite("run", "tiny.yaml", "--out", "out");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("\ntiny.yaml:10:28: model.layers[1].units: ")
        .doesNotContain("\tat ");

    Outcome overridden = dendrite("run", "tiny.yaml", "model.layers[1].units=8", "--out", "out2");
    assertThat(overridden.exitCode()).isEqualTo(2);
    assertThat(overridden.err())
        .contains("\noverride 'model.layers[1].units=8': model.layers[1].units: ");
  }
}
