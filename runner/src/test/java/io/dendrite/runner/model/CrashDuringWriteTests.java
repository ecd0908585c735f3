package io.dendrite.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.runner.ChildCli;
import io.dendrite.runner.TestFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Processes stopped dead (no shutdown hook, no last write) at chosen points of writing a checkpoint
 * or the model file: half the new file on the disk, or all of it before the rename (core's
 * CrashPoint also has a point just after the rename, left out to keep the build fast). The previous
 * files are intact, no partial file is taken for a good one, and {@code resume} continues from the
 * newest whole checkpoint to the bits of a run never stopped.
 */
class CrashDuringWriteTests {
  private static final String THREE_EPOCHS =
      """
      name: three
      seed: 5
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 16, activation: relu}
          - {type: dropout, rate: 0.2}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 3, batch_size: 64}
      """;

  /** The exit code of a process halted at a crash point (core's CrashPoint.EXIT_CODE). */
  private static final int HALTED = 86;

  @TempDir static Path dir;

  @BeforeAll
  static void runUninterrupted() throws Exception {
    TestFiles.write(dir, "three.yaml", THREE_EPOCHS);
    ChildCli.Outcome r = new ChildCli(dir).run("run", "three.yaml", "--out", "whole", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @ParameterizedTest(name = "{0} of {1}, then resumed after epoch {2}")
  @CsvSource({
    "partly-written, checkpoints/epoch-0002.safetensors, 1",
    "before-rename,  checkpoints/epoch-0002.safetensors, 1",
    "partly-written, model.safetensors,                  3",
  })
  void aCrashWhileWritingLeavesTheOldFilesWholeAndResumesToTheSameBits(
      String point, String file, int resumedAfter) throws Exception {
    String out = point + "-" + Path.of(file).getFileName().toString().replace(".safetensors", "");
    Path target = dir.resolve(out).resolve(file);
    ChildCli crashing =
        new ChildCli(dir, List.of("-Ddendrite.test.crash=" + point + ":" + target.getFileName()));
    Process p = crashing.start(out, "run", "three.yaml", "--out", out, "-q");
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    ChildCli.Outcome crashed = crashing.outcome(out, p.exitValue());
    assertThat(crashed.exitCode())
        .as("halted at %s; stderr: %s", point, crashed.err())
        .isEqualTo(HALTED);

    // Dead in the middle: the record still says running, no hook said otherwise.
    assertThat(Files.readString(dir.resolve(out + "/run.json"))).contains("\"running\"");
    assertThat(Files.exists(target))
        .as("%s under its name", file)
        .isEqualTo(point.equals("after-rename"));
    Path checkpoints = dir.resolve(out + "/checkpoints");
    for (int epoch = 1; epoch < (file.startsWith("model") ? 4 : 2); epoch++) {
      Path earlier = checkpoints.resolve(String.format("epoch-%04d.safetensors", epoch));
      assertThat(tensors(earlier))
          .as("checkpoint of epoch %d, written before the crash", epoch)
          .isEqualTo(tensors(dir.resolve("whole/checkpoints").resolve(earlier.getFileName())));
    }

    ChildCli.Outcome r = new ChildCli(dir).run("resume", out);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("resumed     after epoch " + resumedAfter + " of 3");
    assertThat(r.err()).doesNotContain("damaged").doesNotContain("Exception");
    assertThat(SafetensorsBytes.of(dir.resolve(out + "/model.safetensors")))
        .isEqualTo(SafetensorsBytes.of(dir.resolve("whole/model.safetensors")));
    assertThat(Files.readString(dir.resolve(out + "/run.json"))).contains("\"completed\"");
    assertThat(tensors(dir.resolve(out + "/checkpoints/epoch-0003.safetensors")))
        .isEqualTo(tensors(dir.resolve("whole/checkpoints/epoch-0003.safetensors")));
  }

  /**
   * Each tensor of a checkpoint, by name, as its dtype, shape and bytes in hexadecimal: checkpoints
   * hold the same tensors in a different order from run to run, so their bytes cannot be compared.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> tensors(Path file) throws Exception {
    byte[] b = Files.readAllBytes(file);
    int n = (int) ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Map<String, Object> header =
        new ObjectMapper().readValue(new String(b, 8, n, StandardCharsets.UTF_8), Map.class);
    Map<String, String> tensors = new TreeMap<>();
    header.forEach(
        (name, entry) -> {
          if (!name.equals("__metadata__")) {
            Map<String, Object> e = (Map<String, Object>) entry;
            List<Integer> range = (List<Integer>) e.get("data_offsets");
            tensors.put(
                name,
                e.get("dtype")
                    + " "
                    + e.get("shape")
                    + " "
                    + HexFormat.of().formatHex(b, 8 + n + range.get(0), 8 + n + range.get(1)));
          }
        });
    return tensors;
  }
}
