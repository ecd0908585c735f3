package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference implementation (Python's safetensors with PyTorch) reads what Dendrite writes, and
 * Dendrite reads what it writes. Runs tools/safetensors_check.py; skipped where Python is missing.
 */
class SafetensorsInteropTests {
  /**
   * Where the project's Python with torch and safetensors lives; -Ddendrite.python overrides it.
   */
  private static final Path PYTHON =
      Path.of(System.getProperty("dendrite.python", "/work/venv/bin/python"));

  private static final String SCRIPT = "tools/safetensors_check.py";

  /** The script's exit code when torch or safetensors cannot be imported. */
  private static final int MISSING_LIBRARIES = 77;

  @TempDir Path dir;

  @Test
  void pyTorchReadsWhatDendriteWritesAndDendriteReadsWhatPyTorchWrites() throws Exception {
    Path script = findScript();
    assumeTrue(script != null, () -> SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    assumeTrue(
        Files.isExecutable(PYTHON),
        () ->
            "no Python at " + PYTHON + "; set -Ddendrite.python to one with torch and safetensors");
    Map<String, Matrix> tensors = javaTensors();
    Path fromJava = dir.resolve("from-java.safetensors");
    Path fromPython = dir.resolve("from-python.safetensors");
    SafetensorsFile.write(fromJava, tensors, Map.of("dendrite.experiment", "name: interop"));

    JsonNode result = run(script, "--read", fromJava.toString(), "--write", fromPython.toString());

    JsonNode read = result.at("/read/0");
    assertThat(read.at("/metadata/dendrite.experiment").textValue()).isEqualTo("name: interop");
    assertThat(read.at("/metadata/dendrite.format").textValue()).isEqualTo("1");
    Map<String, JsonNode> seen = byName(read.get("tensors"));
    assertThat(seen).containsOnlyKeys(tensors.keySet());
    tensors.forEach(
        (name, matrix) -> {
          JsonNode tensor = seen.get(name);
          assertThat(tensor.get("dtype").textValue())
              .as(name)
              .isEqualTo(matrix.isDouble() ? "F64" : "F32");
          assertThat(tensor.get("shape").toString()).as(name).isEqualTo(expectedShape(matrix));
          assertThat(tensor.get("sha256").textValue()).as(name).isEqualTo(sha256(matrix));
        });

    SafetensorsFile written = SafetensorsFile.read(fromPython);
    assertThat(written.checksumVerified()).isFalse();
    assertThat(written.metadata()).containsEntry("format", "pt");
    TorchSample.assertMatches(written.tensors());
    Map<String, JsonNode> described = byName(result.at("/written/0/tensors"));
    assertThat(described).containsOnlyKeys(written.tensors().keySet());
    written
        .tensors()
        .forEach(
            (name, matrix) ->
                assertThat(sha256(matrix))
                    .as(name)
                    .isEqualTo(described.get(name).get("sha256").textValue()));
  }

  private static Map<String, Matrix> javaTensors() {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    Matrix weight = Matrix.floats(3, 4);
    for (int i = 0; i < weight.size(); i++) {
      weight.set(i, i * 0.1 - 0.3);
    }
    tensors.put("layers.0.weight", weight);
    tensors.put("layers.0.bias", Matrix.wrap(1, 4, new float[] {-0f, 1e-40f, 7, Float.MAX_VALUE}));
    tensors.put("check.table", Matrix.wrap(2, 3, new double[] {Math.PI, -Math.E, 0, 1e300, -1, 2}));
    tensors.put("temperature", Matrix.wrap(1, 1, new float[] {0.75f}));
    tensors.put("empty", Matrix.floats(0, 3));
    return tensors;
  }

  private static String expectedShape(Matrix matrix) {
    return matrix.rows() == 1
        ? "[" + matrix.cols() + "]"
        : "[" + matrix.rows() + "," + matrix.cols() + "]";
  }

  /** The SHA-256 of the values as little-endian bytes, as the script computes it. */
  private static String sha256(Matrix matrix) {
    int bytes = matrix.isDouble() ? Double.BYTES : Float.BYTES;
    ByteBuffer buffer = ByteBuffer.allocate(matrix.size() * bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (matrix.isDouble()) {
      buffer.asDoubleBuffer().put(matrix.doubles(), 0, matrix.size());
    } else {
      buffer.asFloatBuffer().put(matrix.floats(), 0, matrix.size());
    }
    return HexFormat.of().formatHex(Checksums.sha256().digest(buffer.array()));
  }

  private static Map<String, JsonNode> byName(JsonNode tensors) {
    Map<String, JsonNode> byName = new HashMap<>();
    tensors.forEach(t -> byName.put(t.get("name").textValue(), t));
    return byName;
  }

  private JsonNode run(Path script, String... args) throws IOException, InterruptedException {
    Path stderr = dir.resolve("stderr.txt");
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] stdout;
    try {
      stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        fail("%s did not finish within 120 s", script);
      }
    } finally {
      process.destroyForcibly();
    }
    String errors = Files.readString(stderr);
    assumeTrue(
        process.exitValue() != MISSING_LIBRARIES,
        () -> PYTHON + " lacks torch or safetensors: " + errors.strip());
    if (process.exitValue() != 0) {
      fail("%s exited with %d:%n%s", script, process.exitValue(), errors);
    }
    return new ObjectMapper().readTree(new String(stdout, StandardCharsets.UTF_8));
  }

  /** The script, in the repository that holds this module's folder. */
  private static Path findScript() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path script = folder.resolve(SCRIPT);
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    return null;
  }
}
