package io.dendrite.datasets;

import io.dendrite.core.param.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Fuzzing of the CSV reader: valid tables (classes, regression, quoted text, missing cells),
 * mutated and read with every way of treating missing cells and headers, are either loaded or
 * refused with a message naming the file, within a time and memory limit (see {@link FuzzedLoad}).
 */
class CsvFuzzTests {
  /** CSV's punctuation, line breaks, a byte-order mark's first byte, invalid UTF-8, digits. */
  private static final int[] INTERESTING = {
    ',', ';', '"', '\n', '\r', ' ', '\t', 0, 0xef, 0xbb, 0xbf, 0x80, 0xff, '-', '.', 'e', '1', '9',
    'N', 'a'
  };

  private static final List<String> SEEDS =
      List.of(
          "sepal_length,sepal_width,petal_length,petal_width,species\n"
              + "5.1,3.5,1.4,0.2,setosa\n"
              + "4.9,3.0,1.4,0.2,setosa\n"
              + "7.0,3.2,4.7,1.4,versicolor\n"
              + "6.4,3.2,4.5,1.5,versicolor\n"
              + "6.3,3.3,6.0,2.5,virginica\n",
          "age,sex,bmi,progression\n"
              + "59.0,2.0,32.1,151.0\n"
              + "48.0,1.0,,75.0\n"
              + "72.0,NA,30.5,141.0\n"
              + "24.0,1.0,25.3,206.0\n",
          "\uFEFFid,\"note, quoted\",x,y\n"
              + "1,\"a \"\"b\"\"\",1e-3,0\n"
              + "2,\"line\nbreak\",-2.5,1\n"
              + "3,plain,NaN,1\r\n"
              + "4,,7,0\n");

  private static Path dir;
  private static List<byte[]> seeds;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("csv-fuzz");
    seeds = SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property
  void mutatedTablesAreLoadedOrRefusedNamingTheFile(
      @ForAll("seed") int seed,
      @ForAll("mutations") List<ByteMutation> mutations,
      @ForAll("missing") String missing,
      @ForAll("task") String task,
      @ForAll boolean header) {
    byte[] bytes = seeds.get(seed);
    for (ByteMutation m : mutations) {
      bytes = m.apply(bytes, seeds, INTERESTING);
    }
    Path file;
    try {
      file = Files.write(dir.resolve("fuzzed.csv"), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvDataset.Plugin plugin = new CsvDataset.Plugin();
    Map<String, Object> given = new HashMap<>();
    given.put("path", file);
    given.put("missing", missing);
    given.put("task", task);
    given.put("header", header);
    FuzzedLoad.check(
        () -> plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context()),
        file.getFileName().toString());
  }

  @Provide
  Arbitrary<Integer> seed() {
    return Arbitraries.integers().between(0, SEEDS.size() - 1);
  }

  @Provide
  Arbitrary<String> missing() {
    return Arbitraries.of("error", "drop_row", "mean");
  }

  @Provide
  Arbitrary<String> task() {
    return Arbitraries.of("auto", "classification", "regression");
  }

  @Provide
  Arbitrary<List<ByteMutation>> mutations() {
    return ByteMutation.any().list().ofMinSize(1).ofMaxSize(4);
  }
}
