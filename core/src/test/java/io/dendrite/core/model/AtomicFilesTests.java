package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file is replaced whole or not at all, and no temporary file outlives a write. */
class AtomicFilesTests {
  @TempDir Path dir;

  @Test
  void anExistingFileIsReplacedWhole() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.write(file, Map.of("big", Matrix.floats(100, 100).fill(1)), Map.of());
    long bigSize = Files.size(file);

    SafetensorsFile.write(file, Map.of("small", Matrix.floats(2, 2).fill(2)), Map.of());

    assertThat(Files.size(file)).isLessThan(bigSize);
    SafetensorsFile read = SafetensorsFile.read(file);
    assertThat(read.tensors()).containsOnlyKeys("small");
    assertThat(read.tensors().get("small").floats()).containsOnly(2f);
    assertThat(filesIn(dir)).containsExactly("model.safetensors");
  }

  @Test
  void contentThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.write(file, Map.of("w", Matrix.floats(3, 3).fill(0.5)), Map.of("epoch", "1"));
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    channel -> {
                      channel.write(ByteBuffer.wrap(new byte[10_000]));
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    channel -> {
                      channel.write(ByteBuffer.wrap(new byte[10_000]));
                      throw new IllegalStateException("a tensor failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(filesIn(dir)).containsExactly("model.safetensors");
  }

  @Test
  void tensorsThatFailWhileBeingGatheredLeaveTheOldFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.write(file, Map.of("w", Matrix.floats(3, 3).fill(0.5)), Map.of());
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> SafetensorsFile.write(file, failingAfterOneTensor(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("second tensor");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(filesIn(dir)).containsExactly("model.safetensors");
  }

  @Test
  void aRenameThatFailsLeavesNoTemporaryFile() throws IOException {
    // A folder that is not empty cannot be renamed over: the last step of the write fails.
    Path target = Files.createDirectory(dir.resolve("model.safetensors"));
    Files.writeString(target.resolve("keep.txt"), "kept");

    assertThatThrownBy(
            () -> SafetensorsFile.write(target, Map.of("w", Matrix.floats(2, 2)), Map.of()))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining(target.toString())
        .hasMessageContaining("cannot write the model file");

    assertThat(filesIn(dir)).containsExactly("model.safetensors");
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
  }

  private static Set<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  /** Tensors whose second one cannot be produced, as when a caller's data source fails. */
  private static Map<String, Matrix> failingAfterOneTensor() {
    Map<String, Matrix> first = new LinkedHashMap<>();
    first.put("first", Matrix.floats(2, 2));
    return new AbstractMap<>() {
      @Override
      public Set<Entry<String, Matrix>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Entry<String, Matrix>> iterator() {
            Iterator<Entry<String, Matrix>> delegate = first.entrySet().iterator();
            return new Iterator<>() {
              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Entry<String, Matrix> next() {
                if (delegate.hasNext()) {
                  return delegate.next();
                }
                throw new IllegalStateException("the second tensor is not available");
              }
            };
          }

          @Override
          public int size() {
            return 2;
          }
        };
      }
    };
  }
}
