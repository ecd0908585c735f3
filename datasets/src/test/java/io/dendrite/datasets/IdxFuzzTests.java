package io.dendrite.datasets;

import static io.dendrite.datasets.IdxFiles.concat;
import static io.dendrite.datasets.IdxFiles.cyclicLabels;
import static io.dendrite.datasets.IdxFiles.gzip;
import static io.dendrite.datasets.IdxFiles.header;
import static io.dendrite.datasets.IdxFiles.images;

import io.dendrite.core.param.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the IDX reader: valid image and label files (plain, gzip, floats), mutated, are either
 * loaded or refused with a message naming a file, within a time and memory limit (see {@link
 * FuzzedLoad}).
 */
class IdxFuzzTests {
  /** Bytes at the edges of the header's ranges: zero, signs, all ones, the type codes. */
  private static final int[] INTERESTING = {
    0, 1, 2, 3, 8, 9, 10, 0x0b, 0x0c, 0x0d, 0x0e, 0x7f, 0x80, 0xfe, 0xff, 0x1f, 0x8b
  };

  private static Path dir;
  private static List<byte[]> imageSeeds;
  private static List<byte[]> labelSeeds;

  @BeforeContainer
  static void makeSeeds() throws IOException {
    dir = Files.createTempDirectory("idx-fuzz");
    byte[] bytes = images(6, 3, 4);
    ByteBuffer floats = ByteBuffer.allocate(6 * 2 * 2 * Float.BYTES);
    for (int i = 0; i < 24; i++) {
      floats.putFloat(i * 0.5f - 3);
    }
    byte[] floatImages = concat(header(0x0D03, 6, 2, 2), floats.array());
    imageSeeds = List.of(bytes, gzip(bytes), floatImages, gzip(floatImages));
    byte[] labels = cyclicLabels(6);
    labelSeeds = List.of(labels, gzip(labels));
  }

  @AfterContainer
  static void removeSeeds() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property
  void mutatedImagesAreLoadedOrRefusedNamingTheFile(
      @ForAll("imageSeed") int seed,
      @ForAll("labelSeed") int labelSeed,
      @ForAll("mutations") List<ByteMutation> mutations,
      @ForAll("classes") int classes) {
    byte[] images = imageSeeds.get(seed);
    for (ByteMutation m : mutations) {
      images = m.apply(images, imageSeeds, INTERESTING);
    }
    load(images, labelSeeds.get(labelSeed), classes);
  }

  @Property
  void mutatedLabelsAreLoadedOrRefusedNamingTheFile(
      @ForAll("imageSeed") int seed,
      @ForAll("labelSeed") int labelSeed,
      @ForAll("mutations") List<ByteMutation> mutations,
      @ForAll("classes") int classes) {
    byte[] labels = labelSeeds.get(labelSeed);
    for (ByteMutation m : mutations) {
      labels = m.apply(labels, labelSeeds, INTERESTING);
    }
    load(imageSeeds.get(seed), labels, classes);
  }

  @Provide
  Arbitrary<Integer> imageSeed() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<Integer> labelSeed() {
    return Arbitraries.integers().between(0, 1);
  }

  @Provide
  Arbitrary<Integer> classes() {
    return Arbitraries.of(0, 10, 12);
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.any().list().ofMinSize(1).ofMaxSize(4);
  }

  private static void load(byte[] images, byte[] labels, int classes) {
    Path imageFile = write("fuzzed-images.idx", images);
    Path labelFile = write("fuzzed-labels.idx", labels);
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given = new HashMap<>();
    given.put("images", imageFile);
    given.put("labels", labelFile);
    if (classes > 0) {
      given.put("classes", classes);
    }
    FuzzedLoad.check(
        () -> plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context()),
        imageFile.getFileName().toString(),
        labelFile.getFileName().toString());
  }

  private static Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
