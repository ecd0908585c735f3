package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.TestFiles;
import io.dendrite.runner.plugins.BrokenPluginJars;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugin jars as people meet them on the command line: each problem printed once, with the
 * jar's file name and the reason; a run that does not use them succeeds, one that does fails naming
 * the jar; {@code plugins doctor} lists them all and fails.
 */
class BrokenPluginJarsCliTests {
  private static final String TINY =
      """
      name: tiny
      data:
        train: {type: mnist_sample, split: test}
      model:
        layers:
          - {type: dense, units: 8, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      training: {epochs: 1, batch_size: 256}
      """;

  @TempDir static Path dir;
  private static List<BrokenPluginJars.Case> cases;

  @BeforeAll
  static void writeJars() throws Exception {
    cases = BrokenPluginJars.write(dir.resolve("plugins"));
    TestFiles.write(dir, "tiny.yaml", TINY);
    TestFiles.write(dir, "thrower.yaml", TINY.replace("activation: relu", "activation: thrower"));
  }

  private static CliHarness cli() {
    return CliHarness.withFolders(dir, List.of(dir.resolve("plugins")));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void aRunThatUsesNoBrokenPluginSucceedsAndReportsEachProblemOnce() {
    CliHarness.Result r = cli().run("run", "tiny.yaml", "--out", "out");
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (BrokenPluginJars.Case c : cases) {
      assertThat(count(r.err(), "/" + c.file())).as("mentions of %s", c.file()).isEqualTo(1);
      assertThat(count(r.err(), c.reason())).as("reason of %s", c.file()).isEqualTo(1);
    }
    assertThat(r.err().lines()).allMatch(l -> l.startsWith(PluginWarnings.PREFIX));
    assertThat(dir.resolve("out/metrics.json")).exists();
  }

  @Test
  void aRunThatUsesABrokenPluginFailsNamingItsJarOnce() {
    CliHarness.Result r = cli().run("validate", "thrower.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown activation 'thrower'");
    BrokenPluginJars.Case throwing =
        cases.stream().filter(c -> c.file().equals("throwing.jar")).findFirst().orElseThrow();
    assertThat(count(r.err(), throwing.reason())).isEqualTo(1);
    assertThat(count(r.err(), "/throwing.jar")).isEqualTo(1);
    // One problem a line, the jar's path, the reason and the fix: not a 3 KB line of stack traces.
    assertThat(r.err().lines().filter(l -> l.startsWith("  note: "))).hasSizeGreaterThan(5);
    assertThat(r.err().lines())
        .allMatch(l -> l.length() <= 450, "lines of at most 450 characters")
        .noneMatch(l -> l.contains("\tat ") || l.contains("Caused by"));
  }

  @Test
  void doctorListsEveryProblemAndExitsOne() {
    CliHarness.Result r = cli().run("plugins", "doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains(cases.size() + " problems:");
    for (BrokenPluginJars.Case c : cases) {
      assertThat(r.out()).contains(c.file()).contains(c.reason());
    }
  }
}
