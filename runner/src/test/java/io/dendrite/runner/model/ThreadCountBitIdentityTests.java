package io.dendrite.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.ChildCli;
import io.dendrite.runner.StrictJson;
import io.dendrite.runner.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run with {@code threads: 2} gives the weights and metrics of {@code threads: 1}, byte for
 * byte: with a first layer large enough that its multiplies, transposes and Adam's update are all
 * cut into pieces for the second thread.
 */
class ThreadCountBitIdentityTests {
  private static final String EXPERIMENT =
      """
      name: threads
      seed: 5
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 256, activation: relu}
          - {type: dense, units: 128, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.001}
      training: {epochs: 2, batch_size: 64, threads: 1}
      """;

  @TempDir Path dir;

  @Test
  void twoThreadsTrainTheBitsOfOne() throws Exception {
    TestFiles.write(dir, "threads.yaml", EXPERIMENT);
    ChildCli cli = new ChildCli(dir);
    ChildCli.Outcome one = cli.run("run", "threads.yaml", "--out", "one", "-q");
    assertThat(one.exitCode()).as(one.err()).isZero();
    ChildCli.Outcome two =
        cli.run("run", "threads.yaml", "--out", "two", "-q", "training.threads=2");
    assertThat(two.exitCode()).as(two.err()).isZero();

    assertThat(Files.readString(dir.resolve("two/experiment.resolved.yaml")))
        .contains("threads: 2");
    assertThat(SafetensorsBytes.of(dir.resolve("two/model.safetensors")))
        .isEqualTo(SafetensorsBytes.of(dir.resolve("one/model.safetensors")));
    assertThat(metricsWithoutTimes("two")).isEqualTo(metricsWithoutTimes("one"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metricsWithoutTimes(String out) throws Exception {
    Map<String, Object> m =
        (Map<String, Object>)
            StrictJson.parse(Files.readString(dir.resolve(out + "/metrics.json")));
    for (Object epoch : (List<Object>) m.get("epochs")) {
      ((Map<String, Object>) epoch).remove("seconds");
    }
    return m;
  }
}
