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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges in its third epoch, after two checkpoints: it stops naming the epoch and the
 * step, the two checkpoints stay as they were, and no file it leaves holds a non-finite number.
 */
class DivergenceCheckpointTests {
  @TempDir Path dir;

  @Test
  void aRunDivergingInEpoch3KeepsItsFiniteCheckpointsAndWritesNoOther() throws Exception {
    TestFiles.write(
        dir,
        "exp.yaml",
        """
        name: diverging
        seed: 4
        data:
          train: {type: mnist_sample, split: train}
          test: {type: mnist_sample, split: test}
        model:
          layers:
            - {type: dense, units: 16, activation: relu}
            - {type: dense, units: 10, activation: softmax}
        loss: cross_entropy
        optimizer:
          type: sgd
          learning_rate: 0.05
          schedule: {type: multi_step, milestones: [2], gamma: 1.0e9}
        training: {epochs: 4, batch_size: 64}
        """);
    CliHarness.Result r =
        new CliHarness(dir, () -> PluginRegistry.discover(getClass().getClassLoader()))
            .run("run", "exp.yaml", "--out", "out");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .containsPattern("training diverged at epoch 3, step \\d+: ")
        .doesNotContain("\tat ");
    Path out = dir.resolve("out");
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"failed\"");
    List<String> checkpoints;
    try (Stream<Path> files = Files.list(out.resolve("checkpoints"))) {
      checkpoints = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(checkpoints).containsExactly("epoch-0001.safetensors", "epoch-0002.safetensors");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".safetensors")).toList()) {
        assertAllFinite(f);
      }
    }
    assertThat(Files.readString(out.resolve("metrics.csv")))
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }

  /** Every F32 and F64 number in the safetensors file {@code file} is finite. */
  @SuppressWarnings("unchecked")
  static void assertAllFinite(Path file) throws Exception {
    byte[] b = Files.readAllBytes(file);
    int n = (int) ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Map<String, Object> header =
        new ObjectMapper().readValue(new String(b, 8, n, StandardCharsets.UTF_8), Map.class);
    int checked = 0;
    for (Map.Entry<String, Object> e : header.entrySet()) {
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      Map<String, Object> entry = (Map<String, Object>) e.getValue();
      List<Integer> range = (List<Integer>) entry.get("data_offsets");
      ByteBuffer data =
          ByteBuffer.wrap(b, 8 + n + range.get(0), range.get(1) - range.get(0))
              .order(ByteOrder.LITTLE_ENDIAN);
      String dtype = (String) entry.get("dtype");
      while (data.hasRemaining() && (dtype.equals("F32") || dtype.equals("F64"))) {
        double v = dtype.equals("F32") ? data.getFloat() : data.getDouble();
        assertThat(Double.isFinite(v)).as("%s in %s is finite", e.getKey(), file).isTrue();
        checked++;
      }
    }
    assertThat(checked).as("numbers checked in %s", file).isPositive();
  }
}
