package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dendrite plan}: the layers, parameters and memory of a run, without training. */
class PlanCommandTests {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final PluginRegistry BUILT_IN =
      PluginRegistry.discover(PlanCommandTests.class.getClassLoader());

  private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir Path dir;

  private Result plan(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "plan";
    System.arraycopy(args, 0, all, 1, args.length);
    return new CliHarness(dir, () -> BUILT_IN).run(all);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExamplePlansWithoutTraining(Path example) {
    // Fashion-MNIST is not in the repository: without the Debian package's copy it would download.
    assumeTrue(
        !example.endsWith("fashion-mnist.yaml") || Files.isDirectory(FASHION_MNIST),
        FASHION_MNIST + " is absent (apt-get install dataset-fashion-mnist): skipping " + example);
    Result r = plan(example.toString());
    assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^  layer +type +activation +output shape +parameters$")
        .containsPattern("(?m)^  total +[0-9,]+$")
        .containsPattern("(?m)^steps       [0-9,]+ per epoch")
        .contains("memory      weights ");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void theMnistExampleHas101770Parameters() {
    Result r = plan(EXAMPLES.resolve("mnist.yaml").toString());
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines)
        .containsSubsequence(
            "  layer     type   activation  output shape  parameters",
            "  input                        (64, 784)",
            "  layers.0  dense  relu        (64, 128)     100,480",
            "  layers.1  dense  softmax     (64, 10)      1,290",
            "  total                                      101,770");
    // 800 of the 8,000 training digits validate: 7,200 train in 113 steps of 64.
    assertThat(r.out())
        .contains("examples    7,200 train, 800 validation, 2,000 test\n")
        .contains("steps       113 per epoch (batch 64), at most 1,130 in 10 epochs\n")
        // 101,770 float32 weights; Adam keeps two moments per weight (and a step counter).
        .contains("memory      weights 397.5 KiB, optimizer state 795.");
  }

  @Test
  void overridesApplyAndAnInvalidFileExitsTwo() {
    Result r = plan(EXAMPLES.resolve("mnist.yaml").toString(), "model.layers[0].units=64");
    assertThat(r.out()).contains("  total                                      50,890\n");
    Result bad = plan(EXAMPLES.resolve("mnist.yaml").toString(), "training.batch_size=0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("training.batch_size: must be >= 1");
  }
}
