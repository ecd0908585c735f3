package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte positions that refusals of crafted headers give are positions in the file (the data
 * starts after the 8 length bytes and the header), and a header is padded to 8 bytes, no more.
 */
class SafetensorsOffsetsTests {
  @TempDir Path dir;

  private static String entry(String dtype, String shape, long begin, long end) {
    return "{\"dtype\":\"%s\",\"shape\":%s,\"data_offsets\":[%d,%d]}"
        .formatted(dtype, shape, begin, end);
  }

  /**
   * The refusal of a file with the header {@code json} and {@code dataBytes}, and its data start.
   */
  private String refusal(String json, int dataBytes) throws Exception {
    Path file = CraftedFiles.withHeader(dir.resolve("crafted.safetensors"), json, dataBytes);
    try {
      SafetensorsFile.read(file);
    } catch (DendriteException e) {
      return e.getMessage();
    }
    throw new AssertionError("read " + json);
  }

  private static long dataStart(String json) {
    return Long.BYTES + json.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void overlappingTensorsAreNamedWithTheirFileBytes() throws Exception {
    String json =
        "{\"a\":" + entry("F32", "[4]", 0, 16) + ",\"b\":" + entry("F32", "[2]", 8, 16) + "}";
    long s = dataStart(json);
    assertThat(refusal(json, 16))
        .contains(
            "tensor 'b' starts at byte %d, inside tensor 'a' (bytes %d to %d): the tensors overlap"
                .formatted(s + 8, s, s + 16));
  }

  @Test
  void gapsAndTrailingBytesAreNamedWithTheirFileBytes() throws Exception {
    String gap =
        "{\"a\":" + entry("F32", "[2]", 0, 8) + ",\"b\":" + entry("F32", "[2]", 12, 20) + "}";
    long s = dataStart(gap);
    assertThat(refusal(gap, 20))
        .contains(
            "bytes %d to %d, before tensor 'b', belong to no tensor".formatted(s + 8, s + 12));
    String start = "{\"a\":" + entry("F32", "[2]", 4, 12) + "}";
    s = dataStart(start);
    assertThat(refusal(start, 12))
        .contains("bytes %d to %d, before tensor 'a', belong to no tensor".formatted(s, s + 4));
    String trailing = "{\"a\":" + entry("F32", "[2]", 0, 8) + "}";
    s = dataStart(trailing);
    assertThat(refusal(trailing, 12))
        .contains(
            "4 bytes from byte %d to the end of the file belong to no tensor".formatted(s + 8));
  }

  @Test
  void aSizeThatDoesNotMatchItsOffsetsNamesBoth() throws Exception {
    String json =
        "{\"a\":" + entry("F64", "[3]", 4, 20) + ",\"z\":" + entry("F32", "[1]", 0, 4) + "}";
    long s = dataStart(json);
    assertThat(refusal(json, 20))
        .contains(
            ("tensor 'a' has shape [3] of F64, which takes 24 bytes, but its data_offsets [4, 20]"
                    + " hold 16 bytes (file bytes %d to %d)")
                .formatted(s + 4, s + 20));
  }

  @Test
  void offsetsBeyondTheFileNameTheByteTheyEndAt() throws Exception {
    String json = "{\"a\":" + entry("F32", "[4]", 0, 16) + "}";
    assertThat(refusal(json, 8))
        .contains(
            "tensor 'a' has data_offsets [0, 16], which end at byte " + (dataStart(json) + 16));
  }

  @Test
  void tensorsListedOutOfDataOrderAreReadInDataOrder() throws Exception {
    // The JSON lists "b" first; its data comes second.
    String json =
        "{\"b\":" + entry("F32", "[1,2]", 8, 16) + ",\"a\":" + entry("F32", "[1,2]", 0, 8) + "}";
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer data =
        java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    data.putFloat(1).putFloat(2).putFloat(3).putFloat(4);
    Path file =
        CraftedFiles.write(dir.resolve("order.safetensors"), header.length, header, data.array());
    Map<String, Matrix> tensors = SafetensorsFile.read(file).tensors();
    assertThat(List.copyOf(tensors.keySet())).containsExactly("a", "b");
    assertThat(tensors.get("a").get(1)).isEqualTo(2f);
    assertThat(tensors.get("b").get(0)).isEqualTo(3f);
  }

  @Test
  void aWrittenHeaderIsPaddedWithSpacesToTheNext8Bytes() throws Exception {
    // Names of 1 to 16 characters move the header's length through every remainder modulo 8.
    for (int n = 1; n <= 16; n++) {
      Map<String, Matrix> tensors = new LinkedHashMap<>();
      tensors.put("w".repeat(n), Matrix.floats(1, 1));
      Path file = dir.resolve("padded-" + n + ".safetensors");
      SafetensorsFile.write(file, tensors, Map.of());
      byte[] bytes = Files.readAllBytes(file);
      long length = CraftedFiles.headerLength(bytes);
      String header = CraftedFiles.header(bytes);
      int unpadded = header.stripTrailing().length();
      assertThat(length % 8).as("header of %d bytes", length).isZero();
      assertThat(length - unpadded).as("padding of the header %s", header).isBetween(0L, 7L);
      assertThat(header.substring(unpadded)).isBlank();
    }
  }

  @Test
  void aTextFileIsRefusedSayingItLooksLikeText() throws Exception {
    Path file =
        Files.writeString(dir.resolve("notes.safetensors"), "epochs: 10\nlearning_rate: 1\n");
    assertThatThrownBy(() -> SafetensorsFile.read(file))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(
            "it looks like a text file, starting with \"epochs:\"; the file is damaged");
  }
}
