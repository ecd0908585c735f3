package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tensors larger than the 64 KB the reader and writer move at a time come back value for value, and
 * the first 8 bytes are judged at their exact limits.
 */
class SafetensorsChunksTests {
  @TempDir Path dir;

  private static Matrix counting(Matrix m) {
    for (int i = 0; i < m.size(); i++) {
      m.set(i, i * 0.5 - 1000);
    }
    return m;
  }

  @Test
  void tensorsOfManyChunksComeBackValueForValue() {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    // 8,193 doubles and 16,387 floats: four and a half chunks, and a little more than four.
    tensors.put("a.wide", counting(Matrix.doubles(3, 8193)));
    tensors.put("b.narrow", counting(Matrix.floats(16387, 1)));
    tensors.put("c.small", counting(Matrix.floats(1, 3)));
    Path file = dir.resolve("big.safetensors");
    SafetensorsFile.write(file, tensors, Map.of("k", "v"));
    Map<String, Matrix> read = SafetensorsFile.read(file).tensors();
    for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
      Matrix back = read.get(e.getKey());
      assertThat(back.isDouble()).isEqualTo(e.getValue().isDouble());
      assertThat(back.rows()).isEqualTo(e.getValue().rows());
      for (int i = 0; i < back.size(); i++) {
        if (back.get(i) != e.getValue().get(i)) {
          throw new AssertionError(e.getKey() + " value " + i + ": " + back.get(i));
        }
      }
    }
  }

  private Path lengthOnly(long headerLength, int after) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8 + after).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(headerLength);
    return Files.write(dir.resolve("start.safetensors"), b.array());
  }

  private static String refusal(Path file) {
    try {
      SafetensorsFile.read(file);
    } catch (DendriteException e) {
      return e.getMessage();
    }
    throw new AssertionError("read " + file);
  }

  @Test
  void eightBytesHoldAHeaderLengthAndSevenDoNot() throws Exception {
    Path seven = Files.write(dir.resolve("seven.safetensors"), new byte[7]);
    assertThat(refusal(seven)).contains("is 7 bytes long, too short for the 8-byte length");
    String zero = refusal(lengthOnly(0, 0));
    assertThat(zero).doesNotContain("too short").doesNotContain("more than the");
  }

  @Test
  void theHeaderLengthLimitIsInclusive() throws Exception {
    String atLimit = refusal(lengthOnly(SafetensorsHeader.MAX_BYTES, 8));
    assertThat(atLimit)
        .contains("the header length at byte 0 says 100000000 bytes, but only 8 bytes follow it");
    String above = refusal(lengthOnly(SafetensorsHeader.MAX_BYTES + 1, 8));
    assertThat(above)
        .contains("says 100000001 bytes, more than the 100000000 bytes a header may have");
    String unsigned = refusal(lengthOnly(-1, 8));
    assertThat(unsigned).contains("says 18446744073709551615 bytes, more than the");
    assertThat(refusal(lengthOnly(9, 8))).contains("says 9 bytes, but only 8 bytes follow it");
  }

  @Test
  void aHeaderThatFillsTheFileExactlyIsRead() throws Exception {
    byte[] json = "{}      ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path file =
        CraftedFiles.write(dir.resolve("empty.safetensors"), json.length, json, new byte[0]);
    assertThat(SafetensorsFile.read(file).tensors()).isEmpty();
  }
}
