package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTests {
  @TempDir Path dir;

  @Test
  void float32AndFloat64MatricesComeBackBitForBit() {
    float[] floats = {
      0f,
      -0f,
      1.5f,
      -2.25f,
      Float.MIN_VALUE,
      Float.MAX_VALUE,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      1e-40f,
      3.1415927f,
      -7e20f,
      1f / 3
    };
    double[] doubles = {
      0d,
      -0d,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NaN,
      Math.PI,
      -1e-310
    };
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    tensors.put("weight", Matrix.wrap(3, 4, floats));
    tensors.put("table", Matrix.wrap(4, 2, doubles));
    Path file = dir.resolve("model.safetensors");

    SafetensorsFile.write(file, tensors, Map.of());
    SafetensorsFile read = SafetensorsFile.read(file);

    Matrix weight = read.tensors().get("weight");
    assertThat(weight.isDouble()).isFalse();
    assertThat(weight.rows()).isEqualTo(3);
    assertThat(weight.cols()).isEqualTo(4);
    // floatToIntBits: every NaN compares equal, every other value by its exact bits (-0 != 0).
    assertThat(bits(weight.floats())).containsExactly(bits(floats));
    Matrix table = read.tensors().get("table");
    assertThat(table.isDouble()).isTrue();
    assertThat(table.rows()).isEqualTo(4);
    assertThat(table.cols()).isEqualTo(2);
    assertThat(Arrays.stream(table.doubles()).mapToLong(Double::doubleToLongBits).toArray())
        .containsExactly(Arrays.stream(doubles).mapToLong(Double::doubleToLongBits).toArray());
    assertThat(read.checksumVerified()).isTrue();
  }

  @Test
  void oneRowIsStoredAsAVectorAndOneByOneAsAVectorOfOne() throws IOException {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    tensors.put("bias", Matrix.wrap(1, 3, new float[] {1, 2, 3}));
    tensors.put("scale", Matrix.wrap(1, 1, new double[] {0.25}));
    tensors.put("column", Matrix.wrap(3, 1, new float[] {4, 5, 6}));
    tensors.put("empty", Matrix.floats(0, 5));
    Path file = dir.resolve("shapes.safetensors");

    SafetensorsFile.write(file, tensors, Map.of());

    JsonNode header = new ObjectMapper().readTree(CraftedFiles.header(Files.readAllBytes(file)));
    assertThat(header.at("/bias/shape").toString()).isEqualTo("[3]");
    assertThat(header.at("/scale/shape").toString()).isEqualTo("[1]");
    assertThat(header.at("/column/shape").toString()).isEqualTo("[3,1]");
    assertThat(header.at("/empty/shape").toString()).isEqualTo("[0,5]");
    Map<String, Matrix> read = SafetensorsFile.read(file).tensors();
    assertThat(read.get("bias").toString()).isEqualTo("Matrix<f32>[1x3]");
    assertThat(read.get("bias").floats()).containsExactly(1, 2, 3);
    assertThat(read.get("scale").toString()).isEqualTo("Matrix<f64>[1x1]");
    assertThat(read.get("scale").doubles()).containsExactly(0.25);
    assertThat(read.get("column").toString()).isEqualTo("Matrix<f32>[3x1]");
    assertThat(read.get("empty").toString()).isEqualTo("Matrix<f32>[0x5]");
  }

  @Test
  void aScalarReadsAsOneByOne() throws IOException {
    Path file =
        CraftedFiles.withHeader(
            dir.resolve("scalar.safetensors"),
            "{\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}",
            8);

    Matrix scalar = SafetensorsFile.read(file).tensors().get("s");

    assertThat(scalar.toString()).isEqualTo("Matrix<f64>[1x1]");
  }

  @Test
  void metadataAndOrderArePreserved() {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    for (String name : List.of("zeta", "layers.10.weight", "alpha", "layers.2.bias", "mu")) {
      tensors.put(name, Matrix.floats(2, 2).fill(name.length()));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("dendrite.experiment", "name: mnist\nseed: 7\n");
    metadata.put("epoch", "12");
    metadata.put("note", "ünïcödé \"quoted\" \\ and a tab\t");
    Path file = dir.resolve("ordered.safetensors");

    SafetensorsFile.write(file, tensors, metadata);
    SafetensorsFile read = SafetensorsFile.read(file);

    assertThat(read.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
    assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
    assertThat(read.tensors().get("layers.2.bias").floats()).containsOnly(13f);
  }

  @Test
  void onlyTheRowsInUseAreWritten() {
    Matrix batch = Matrix.floats(4, 2).fill(1);
    batch.setRows(2);
    Path file = dir.resolve("rows.safetensors");

    SafetensorsFile.write(file, Map.of("batch", batch), Map.of());

    assertThat(SafetensorsFile.read(file).tensors().get("batch").toString())
        .isEqualTo("Matrix<f32>[2x2]");
  }

  @Test
  void theLayoutIsTheSafetensorsOne() throws Exception {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    tensors.put("a", Matrix.wrap(2, 3, new float[] {1, 2, 3, 4, 5, 6}));
    tensors.put("b", Matrix.wrap(1, 1, new double[] {-1}));
    Path file = dir.resolve("layout.safetensors");

    SafetensorsFile.write(file, tensors, Map.of("k", "v"));

    byte[] bytes = Files.readAllBytes(file);
    long headerLength = CraftedFiles.headerLength(bytes);
    assertThat(headerLength % 8).isZero();
    String header = CraftedFiles.header(bytes);
    assertThat(header).startsWith("{").matches("(?s)\\{.*\\} *");
    JsonNode json = new ObjectMapper().readTree(header);
    assertThat(json.at("/a").toString())
        .isEqualTo("{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}");
    assertThat(json.at("/b").toString())
        .isEqualTo("{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[24,32]}");
    assertThat(json.at("/__metadata__/k").textValue()).isEqualTo("v");
    assertThat(json.at("/__metadata__/dendrite.format").textValue()).isEqualTo("1");
    byte[] data = Arrays.copyOfRange(bytes, (int) (8 + headerLength), bytes.length);
    assertThat(data).hasSize(32);
    assertThat(Arrays.copyOfRange(data, 0, 4)).containsExactly(0, 0, 0x80, 0x3f); // 1f, LE
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertThat(json.at("/__metadata__/dendrite.sha256").textValue()).isEqualTo(sha256);
  }

  @Test
  void aFileWithoutTensorsIsAFile() {
    Path file = dir.resolve("empty.safetensors");

    SafetensorsFile.write(file, Map.of(), Map.of("only", "metadata"));
    SafetensorsFile read = SafetensorsFile.read(file);

    assertThat(read.tensors()).isEmpty();
    assertThat(read.metadata()).containsExactly(Map.entry("only", "metadata"));
    assertThat(read.checksumVerified()).isTrue();
  }

  @Test
  void aFileFromPyTorchReadsWithoutAChecksum() throws Exception {
    // Written by tools/safetensors_check.py --write (safetensors.torch.save_file).
    Path file = Path.of(getClass().getResource("/model/torch-save-file.safetensors").toURI());

    SafetensorsFile read = SafetensorsFile.read(file);

    assertThat(read.checksumVerified()).isFalse();
    assertThat(read.metadata())
        .containsOnly(Map.entry("format", "pt"), Map.entry("written.by", "safetensors_check.py"));
    assertThat(read.tensors()).containsOnlyKeys(TorchSample.NAMES);
    TorchSample.assertMatches(read.tensors());
  }

  @Test
  void reservedNamesAreRefusedBeforeAnythingIsWritten() {
    Path file = dir.resolve("reserved.safetensors");

    assertThatThrownBy(() -> SafetensorsFile.write(file, Map.of(), Map.of("dendrite.sha256", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dendrite.sha256 is reserved");
    assertThatThrownBy(
            () ->
                SafetensorsFile.write(file, Map.of("__metadata__", Matrix.floats(1, 1)), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("__metadata__");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aWriteIntoAMissingFolderSaysWhichFile() {
    Path file = dir.resolve("missing").resolve("model.safetensors");

    assertThatThrownBy(() -> SafetensorsFile.write(file, Map.of(), Map.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cannot write the model file");
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToIntBits(values[i]);
    }
    return bits;
  }
}
