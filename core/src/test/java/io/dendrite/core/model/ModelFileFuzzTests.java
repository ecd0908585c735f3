package io.dendrite.core.model;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the model-file readers: valid model files, checkpoints and foreign safetensors files,
 * mutated, are either read or refused with a message naming the file, within a time and memory
 * limit (see {@link FuzzedRead}).
 */
class ModelFileFuzzTests {
  private static Path dir;
  private static List<byte[]> seeds;

  @BeforeContainer
  static void writeSeeds() throws IOException {
    dir = Files.createTempDirectory("model-fuzz");
    Path model = dir.resolve("model-seed.safetensors");
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    tensors.put("layers.0.weight", Matrix.wrap(2, 3, new float[] {1, -2, 3, 0.5f, 0, -0f}));
    tensors.put("layers.0.bias", Matrix.wrap(1, 2, new float[] {0.25f, -1}));
    tensors.put("layers.1.running_mean", Matrix.wrap(1, 2, new double[] {0.5, 2}));
    Map<String, Object> experiment = new LinkedHashMap<>();
    experiment.put("name", "fuzz");
    experiment.put("model", Map.of("layers", List.of(Map.of("type", "dense", "units", 2))));
    ModelFile.write(
        model, tensors, experiment, 3, 3, List.of("cat", "dog"), Map.of("dendrite.version", "t"));

    Path checkpoint = dir.resolve("checkpoint-seed.safetensors");
    Evaluation eval =
        new Evaluation(
            0.5, Map.of("accuracy", new MetricValue(0.75, List.of(0.5, 1.0), List.of())), 4);
    TrainingCheckpoint cp =
        new TrainingCheckpoint(
            2,
            7,
            Map.of("layers.0.weight", Matrix.wrap(1, 2, new float[] {1, 2})),
            Map.of("adam.m.0", Matrix.wrap(1, 2, new float[] {0.1f, 0.2f})),
            0.01,
            Map.of(),
            Map.of("shuffle", new long[] {1, -2, 3, 4}),
            new int[] {2, 0, 1, 3},
            Double.NaN,
            Optional.of(
                new TrainingCheckpoint.EarlyStoppingState(
                    0.4, 1, 1, Map.of("layers.0.weight", Matrix.wrap(1, 2, new float[] {3, 4})))),
            List.of(new EpochResult(1, eval, Optional.of(eval), 0.1, 3, 0.01)),
            Optional.empty());
    CheckpointFile.write(checkpoint, cp, Map.of("dendrite.version", "t"));

    Path foreign = dir.resolve("foreign-seed.safetensors");
    SafetensorsFile.write(
        foreign, Map.of("w", Matrix.wrap(2, 2, new double[] {1, 2, 3, 4})), Map.of());
    seeds =
        List.of(
            Files.readAllBytes(model), Files.readAllBytes(checkpoint), Files.readAllBytes(foreign));
  }

  @AfterContainer
  static void removeSeeds() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property
  void mutatedBytesAreReadOrRefusedNamingTheFile(
      @ForAll("seedIndex") int seed, @ForAll("byteMutations") List<ByteMutation> mutations) {
    byte[] bytes = seeds.get(seed);
    for (ByteMutation m : mutations) {
      bytes = m.apply(bytes, seeds);
    }
    readAll(bytes);
  }

  @Property
  void mutatedHeaderValuesAreReadOrRefusedNamingTheFile(
      @ForAll("seedIndex") int seed, @ForAll("headerMutations") List<HeaderMutation> mutations) {
    byte[] bytes = seeds.get(seed);
    for (HeaderMutation m : mutations) {
      bytes = m.apply(bytes);
    }
    readAll(bytes);
  }

  @Provide
  Arbitrary<Integer> seedIndex() {
    return Arbitraries.integers().between(0, 2);
  }

  @Provide
  Arbitrary<List<ByteMutation>> byteMutations() {
    return ByteMutation.any().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<HeaderMutation>> headerMutations() {
    return HeaderMutation.any().list().ofMinSize(1).ofMaxSize(3);
  }

  private static void readAll(byte[] bytes) {
    Path file = dir.resolve("fuzzed.safetensors");
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    // Counted in the report, so the fuzzing is seen to reach past the first checks.
    Statistics.label("safetensors")
        .collect(
            FuzzedRead.check(name, () -> SafetensorsFile.read(file)) == null ? "refused" : "read");
    FuzzedRead.check(name, () -> ModelFile.read(file));
    FuzzedRead.check(name, () -> CheckpointFile.read(file));
  }
}
