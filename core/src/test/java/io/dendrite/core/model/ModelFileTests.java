package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTests {
  private static final Map<String, Matrix> TENSORS =
      Map.of("layers.0.weight", Matrix.wrap(1, 2, new float[] {0.5f, -1}));

  private static Map<String, Object> experiment() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", "m");
    Map<String, Object> dense = new LinkedHashMap<>();
    dense.put("type", "dense");
    dense.put("units", 1);
    e.put("model", Map.of("layers", List.of(dense)));
    e.put("training", Map.of("batch_size", 2, "max_loss", Double.POSITIVE_INFINITY));
    return e;
  }

  /** A model file's metadata with {@code changes} (a null value removes the key). */
  private static Path withMetadata(Path dir, Map<String, String> changes) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("dendrite.kind", "model");
    metadata.put("dendrite.experiment", MetadataJson.write(experiment()));
    metadata.put("dendrite.classes", "[\"a\"]");
    metadata.put("dendrite.input_size", "2");
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            metadata.remove(k);
          } else {
            metadata.put(k, v);
          }
        });
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.write(file, TENSORS, metadata);
    return file;
  }

  private static Map<String, String> change(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  @Test
  void whatIsWrittenIsReadBack(@TempDir Path dir) {
    Path file = dir.resolve("model.safetensors");
    ModelFile.write(
        file, TENSORS, experiment(), 2, 5, List.of("cat", "dog"), Map.of("dendrite.version", "9"));
    ModelFile.Contents c = ModelFile.read(file);
    assertThat(c.tensors().get("layers.0.weight").floats()).containsExactly(0.5f, -1f);
    assertThat(c.experiment()).containsEntry("name", "m");
    // non-finite numbers travel as their names
    assertThat(c.experiment().get("training"))
        .isEqualTo(Map.of("batch_size", 2, "max_loss", "Infinity"));
    assertThat(c.inputSize()).isEqualTo(2);
    assertThat(c.rawInputSize()).isEqualTo(5);
    assertThat(c.classNames()).containsExactly("cat", "dog");
    // the keys the file is read by are not metadata for people
    assertThat(c.metadata()).containsExactly(Map.entry("dendrite.version", "9"));
    SafetensorsFile raw = SafetensorsFile.read(file);
    assertThat(raw.metadata())
        .containsEntry("dendrite.kind", "model")
        .containsEntry("dendrite.architecture", "{\"layers\":[{\"type\":\"dense\",\"units\":1}]}")
        .containsEntry("dendrite.raw_input_size", "5");
  }

  @Test
  void withoutARawInputSizeItIsTheNetworksAndWithoutClassesItIsRegression(@TempDir Path dir) {
    Map<String, String> changes = change("dendrite.classes", null);
    ModelFile.Contents c = ModelFile.read(withMetadata(dir, changes));
    assertThat(c.rawInputSize()).isEqualTo(2);
    assertThat(c.classNames()).isEmpty();
  }

  @Test
  void aFileThatIsNotAModelIsRefusedSayingWhatItIs(@TempDir Path dir) {
    Path none = withMetadata(dir, change("dendrite.kind", null));
    assertThatThrownBy(() -> ModelFile.read(none))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            none.toAbsolutePath()
                + ": not a Dendrite model (it has no dendrite.kind in its metadata); give the"
                + " model.safetensors of a run directory");
    Path other = withMetadata(dir, change("dendrite.kind", "dataset"));
    assertThatThrownBy(() -> ModelFile.read(other))
        .hasMessage(
            other.toAbsolutePath()
                + ": not a Dendrite model (it holds a dataset); give the model.safetensors of a run"
                + " directory");
    Path checkpoint = withMetadata(dir, change("dendrite.kind", "checkpoint"));
    assertThatThrownBy(() -> ModelFile.read(checkpoint))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            checkpoint.toAbsolutePath()
                + ": a checkpoint, not a model; use the run's model.safetensors, or 'dendrite"
                + " resume' to continue training from it");
  }

  @Test
  void classNamesMustBeAJsonList(@TempDir Path dir) {
    Path bad = withMetadata(dir, change("dendrite.classes", "[\"a\""));
    assertThatThrownBy(() -> ModelFile.read(bad))
        .isInstanceOf(DendriteException.class)
        .hasMessage(bad.toAbsolutePath() + ": its class names are not valid JSON");
    Path nothing = withMetadata(dir, change("dendrite.classes", "null"));
    assertThatThrownBy(() -> ModelFile.read(nothing))
        .hasMessage(
            nothing.toAbsolutePath()
                + ": its metadata dendrite.classes is null; expected a JSON list of class names");
  }

  @Test
  void sizesMustBePositiveWholeNumbers(@TempDir Path dir) {
    for (String text : List.of("0", "-3", "two")) {
      Path file = withMetadata(dir, change("dendrite.input_size", text));
      assertThatThrownBy(() -> ModelFile.read(file))
          .isInstanceOf(DendriteException.class)
          .hasMessage(
              file.toAbsolutePath()
                  + ": its metadata dendrite.input_size is '"
                  + text
                  + "', not a positive whole number");
    }
    Path one = withMetadata(dir, change("dendrite.input_size", "1"));
    assertThat(ModelFile.read(one).inputSize()).isEqualTo(1);
    Path missing = withMetadata(dir, change("dendrite.input_size", null));
    assertThatThrownBy(() -> ModelFile.read(missing))
        .hasMessage(
            missing.toAbsolutePath()
                + ": its metadata dendrite.input_size is missing, not a positive whole number");
    Path raw = withMetadata(dir, change("dendrite.raw_input_size", "0"));
    assertThatThrownBy(() -> ModelFile.read(raw))
        .hasMessage(
            raw.toAbsolutePath()
                + ": its metadata dendrite.raw_input_size is '0', not a positive whole number");
  }

  @Test
  void theExperimentMustBeThere(@TempDir Path dir) {
    Path file = withMetadata(dir, change("dendrite.experiment", null));
    assertThatThrownBy(() -> ModelFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            file.toAbsolutePath()
                + ": no 'dendrite.experiment' in the metadata; it is not a Dendrite file of this"
                + " kind");
  }
}
