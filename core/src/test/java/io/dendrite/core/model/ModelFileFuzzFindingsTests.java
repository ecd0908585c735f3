package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files {@link ModelFileFuzzTests} found crashing a reader, each refused properly now. */
class ModelFileFuzzFindingsTests {
  @TempDir Path dir;

  @Test
  void headerWithNulBytesAfterTheBraceIsRefusedNotReadAsUtf32() throws IOException {
    // Jackson took "{" and three NULs for UTF-32 and threw an UncheckedIOException.
    Path file = CraftedFiles.withHeader(dir.resolve("nul.safetensors"), "{\0\0\0\0\0\0{}", 0);
    assertThatThrownBy(() -> SafetensorsFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid JSON at byte 9: a NUL byte");
  }

  @Test
  void classNamesOfNullAreRefused() {
    // ModelFile.read iterated over the null that Jackson reads from "null".
    Path file = model("null", "{\"name\": \"m\"}");
    assertThatThrownBy(() -> ModelFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("dendrite.classes is null; expected a JSON list of class names");
  }

  @Test
  void experimentOfNullIsRefused() {
    Path file = model("[]", "null");
    assertThatThrownBy(() -> ModelFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("the metadata 'dendrite.experiment' is null, not a JSON object");
  }

  @Test
  void checkpointStateOfNullIsRefused() {
    Path file = dir.resolve("checkpoint.safetensors");
    SafetensorsFile.write(
        file,
        Map.of("trainer/order", Matrix.wrap(1, 1, new double[] {0})),
        Map.of(CheckpointFile.KIND_KEY, "checkpoint", "dendrite.checkpoint", "null"));
    assertThatThrownBy(() -> CheckpointFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'dendrite.checkpoint' is null");
  }

  private Path model(String classes, String experiment) {
    Path file = dir.resolve("model.safetensors");
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(CheckpointFile.KIND_KEY, "model");
    metadata.put(ModelFile.EXPERIMENT_KEY, experiment);
    metadata.put(ModelFile.CLASSES_KEY, classes);
    metadata.put(ModelFile.INPUT_KEY, "2");
    SafetensorsFile.write(
        file, Map.of("layers.0.weight", Matrix.wrap(1, 2, new float[] {1, 2})), metadata);
    return file;
  }
}
