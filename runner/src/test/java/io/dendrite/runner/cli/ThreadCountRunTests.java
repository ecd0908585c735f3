package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run gives the same weights and metrics, bit for bit, on 1, 2 or 4 threads. */
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
          - {type: dense, units: 96, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 1, batch_size: 128}
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
    byte[] one = tensorBytes(dir.resolve("t1/model.safetensors"));
    for (String other : List.of("t2", "t4")) {
      assertThat(tensorBytes(dir.resolve(other + "/model.safetensors")))
          .as("the tensors of %s and of t1", other)
          .isEqualTo(one);
      assertThat(metricsWithoutTimes(other)).isEqualTo(metricsWithoutTimes("t1"));
    }
  }

  /** The tensors' entries and bytes, without the metadata (which names the thread count). */
  @SuppressWarnings("unchecked")
  private static byte[] tensorBytes(Path file) throws Exception {
    byte[] b = Files.readAllBytes(file);
    int n = (int) ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Map<String, Object> header =
        new ObjectMapper().readValue(new String(b, 8, n, StandardCharsets.UTF_8), Map.class);
    header.remove("__metadata__");
    byte[] entries = new ObjectMapper().writeValueAsBytes(new java.util.TreeMap<>(header));
    byte[] data = Arrays.copyOfRange(b, 8 + n, b.length);
    byte[] all = Arrays.copyOf(entries, entries.length + data.length);
    System.arraycopy(data, 0, all, entries.length, data.length);
    return all;
  }

  private String metricsWithoutTimes(String out) throws Exception {
    return Files.readString(dir.resolve(out + "/metrics.csv")).replaceAll(",[0-9.E-]+\n", "\n");
  }
}
