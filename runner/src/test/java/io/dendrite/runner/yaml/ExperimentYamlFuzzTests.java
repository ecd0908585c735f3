package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dendrite.core.DendriteException;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.ExperimentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the experiment loader (YAML reading, overrides, validation against the built-in
 * plugins): the example files and some hostile YAML, mutated, are either loaded or refused with a
 * message naming the file, within a time and memory limit.
 */
class ExperimentYamlFuzzTests {
  /** Far above what a refusal or an example file needs, far below what a bomb would take. */
  private static final long MAX_ALLOCATED_BYTES = 64L << 20;

  /** A load takes milliseconds; seconds mean a loop or a blow-up. */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  private static final List<String> HOSTILE =
      List.of(
          "name: a\nbase: &b {type: dense, units: 4}\nmodel:\n  layers: [*b, *b, {<<: *b, units: 3}]\n",
          "name: !!str x\nseed: !!int 3\ntraining: {epochs: !!python/object:os.system 1}\n",
          "%YAML 1.1\n---\nname: \"a\\u0000b\"\nmetrics: [accuracy, ? x]\n...\n---\nname: b\n",
          "name: |\n  many\n  lines\nloss: >-\n  cross_entropy\ndata: [[[[[[1]]]]]]\n");

  private static Path dir;
  private static List<byte[]> seeds;
  private static ExperimentLoader loader;

  @BeforeContainer
  static void readSeeds() throws IOException {
    dir = Files.createTempDirectory("yaml-fuzz");
    List<byte[]> all = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
      for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        all.add(Files.readAllBytes(p));
      }
    }
    assertThat(all).as("the example experiments").hasSizeGreaterThan(3);
    HOSTILE.forEach(h -> all.add(h.getBytes(StandardCharsets.UTF_8)));
    seeds = List.copyOf(all);
    loader =
        new ExperimentLoader(
            PluginRegistry.discover(ExperimentYamlFuzzTests.class.getClassLoader()));
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property
  void mutatedExperimentsAreLoadedOrRefusedNamingTheFile(
      @ForAll("seed") int seed, @ForAll("mutations") List<YamlMutation> mutations) {
    byte[] bytes = seeds.get(seed);
    for (YamlMutation m : mutations) {
      bytes = m.apply(bytes, seeds);
    }
    load(bytes, List.of());
  }

  @Property
  void fuzzedOverridesAreAppliedOrRefusedNamingTheFile(
      @ForAll("seed") int seed, @ForAll("overrides") List<String> overrides) {
    load(seeds.get(seed), overrides);
  }

  @Provide
  Arbitrary<Integer> seed() {
    return Arbitraries.integers().between(0, seeds.size() - 1);
  }

  @Provide
  Arbitrary<List<YamlMutation>> mutations() {
    return YamlMutation.any().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> overrides() {
    Arbitrary<String> key =
        Arbitraries.of(
            "name",
            "seed",
            "training.epochs",
            "training.batch_size",
            "model.layers[0].units",
            "model.layers[9].units",
            "model.layers[-1]",
            "optimizer",
            "optimizer.learning_rate",
            "data.train.path",
            "metrics",
            "a..b",
            "",
            "training",
            "model.layers");
    Arbitrary<String> value = Arbitraries.of(YamlMutation.TOKENS);
    Arbitrary<String> override =
        Combinators.combine(key, Arbitraries.of("=", "", "==", "=:"), value)
            .as((k, eq, v) -> k + eq + v);
    return override.list().ofMinSize(1).ofMaxSize(3);
  }

  private static void load(byte[] bytes, List<String> overrides) {
    Path file;
    try {
      file = Files.write(dir.resolve("fuzzed.yaml"), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "fuzzed.yaml";
    String outcome =
        assertTimeoutPreemptively(
            TIME_LIMIT,
            () -> {
              var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
              long id = Thread.currentThread().getId();
              long before = threads.getThreadAllocatedBytes(id);
              String result = "loaded";
              try {
                loader.load(file, name, overrides);
              } catch (DendriteException e) {
                result = "refused";
                // A bad override is refused naming itself: it is not in the file.
                assertThat(e.getMessage())
                    .as("the refusal names the file or the override")
                    .containsAnyOf(name, "override '");
              }
              assertThat(threads.getThreadAllocatedBytes(id) - before)
                  .as("bytes allocated by one load")
                  .isLessThan(MAX_ALLOCATED_BYTES);
              return result;
            });
    Statistics.label("outcome").collect(outcome);
  }
}
