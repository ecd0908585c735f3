package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.TrainingCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint file is written in an order of its own, so that the same state gives the same bytes.
 */
class CheckpointFileTests {
  @TempDir Path dir;

  @Test
  void theSameStateGivesTheSameBytesWhateverTheOrderOfItsMaps() throws Exception {
    Path a = dir.resolve("a.safetensors");
    Path b = dir.resolve("b.safetensors");
    CheckpointFile.write(a, checkpoint(List.of("w", "b", "z", "a", "m")), Map.of());
    CheckpointFile.write(b, checkpoint(List.of("m", "a", "z", "b", "w")), Map.of());
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

    List<String> names = new ArrayList<>(SafetensorsFile.read(a).tensors().keySet());
    assertThat(names.subList(0, 5))
        .containsExactly("network/a", "network/b", "network/m", "network/w", "network/z");
  }

  /** A checkpoint whose maps hold {@code names} in that order (where a map keeps one). */
  private static TrainingCheckpoint checkpoint(List<String> names) {
    Map<String, Matrix> network = new LinkedHashMap<>();
    Map<String, Matrix> optimizer = new LinkedHashMap<>();
    Map<String, long[]> streams = new LinkedHashMap<>();
    for (String n : names) {
      network.put(n, Matrix.floats(1, 2).fill(n.charAt(0)));
      optimizer.put("m." + n, Matrix.floats(1, 2).fill(-n.charAt(0)));
      streams.put("layers." + n, new long[] {n.charAt(0), 7});
    }
    return new TrainingCheckpoint(
        3,
        30,
        network,
        optimizer,
        0.01,
        Map.of(),
        streams,
        new int[] {2, 0, 1},
        Double.NaN,
        Optional.empty(),
        List.of(),
        Optional.empty());
  }
}
