package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.model.SafetensorsBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run gives the same weights and metrics, bit for bit, on 1, 2 or 4 threads: the benchmark
 * network at batch 64, so that every multiply, transpose, batch copy and Adam update that is split
 * over threads is split here.
 */
class ThreadCountRunTests {
  @TempDir Path dir;

  private static final String EXPERIMENT =
      """
      name: threads
      seed: 12
      data:
        train: {type: mnist_sample, split: train}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 256, activation: relu}
          - {type: dense, units: 128, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 1, batch_size: 64}
      """;

  @Test
  void oneTwoAndFourThreadsGiveTheSameBits() throws Exception {
    TestFiles.write(dir, "exp.yaml", EXPERIMENT);
    CliHarness cli =
        new CliHarness(dir, () -> PluginRegistry.discover(getClass().getClassLoader()));
    for (int threads : new int[] {1, 2, 4}) {
      CliHarness.Result r =
          cli.run("run", "exp.yaml", "training.threads=" + threads, "--out", "t" + threads, "-q");
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    SafetensorsBytes one = SafetensorsBytes.of(dir.resolve("t1/model.safetensors"));
    for (String other : List.of("t2", "t4")) {
      assertThat(SafetensorsBytes.of(dir.resolve(other + "/model.safetensors")))
          .as("the tensors of %s and of t1", other)
          .isEqualTo(one);
      assertThat(metricsWithoutTimes(other)).isEqualTo(metricsWithoutTimes("t1"));
    }
  }

  private String metricsWithoutTimes(String out) throws Exception {
    return Files.readString(dir.resolve(out + "/metrics.csv")).replaceAll(",[0-9.E-]+\n", "\n");
  }
}
