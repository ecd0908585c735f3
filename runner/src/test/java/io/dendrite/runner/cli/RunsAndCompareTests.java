package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dendrite runs} and {@code dendrite compare} on run directories of real runs. */
class RunsAndCompareTests {
  private static final PluginRegistry BUILT_IN =
      PluginRegistry.discover(RunsAndCompareTests.class.getClassLoader());

  private static final String TINY =
      """
      name: tiny
      seed: 3
      data:
        train: {type: mnist_sample, split: test}
        test: {type: mnist_sample, split: test}
        validation_split: 0.2
      model:
        layers:
          - {type: dense, units: 8, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 1, batch_size: 100}
      metrics: [accuracy]
      """;

  @TempDir static Path dir;
  private static CliHarness cli;

  /** Two short runs that differ only in the learning rate. */
  @BeforeAll
  static void twoRuns() {
    cli = new CliHarness(dir, () -> BUILT_IN);
    TestFiles.write(dir, "tiny.yaml", TINY);
    Result a = cli.run("run", "tiny.yaml", "--out", "runs/tiny/a", "--quiet");
    assertThat(a.exitCode()).as("stderr: %s", a.err()).isZero();
    Result b =
        cli.run(
            "run", "tiny.yaml", "--out", "runs/tiny/b", "--quiet", "optimizer.learning_rate=0.05");
    assertThat(b.exitCode()).as("stderr: %s", b.err()).isZero();
  }

  @Test
  void compareShowsTheOneSettingThatDiffersAndBothResults() throws Exception {
    Result r = cli.run("compare", "runs/tiny/a", "runs/tiny/b");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^run +runs/tiny/a +runs/tiny/b$")
        .containsPattern("(?m)^status +completed +completed$")
        .containsPattern("(?m)^epochs +1 +1$")
        .containsPattern("(?m)^test loss +\\d\\.\\d{4} +\\d\\.\\d{4}$")
        .containsPattern("(?m)^test accuracy +0\\.\\d{4} +0\\.\\d{4}$")
        .containsPattern("(?m)^last epoch val_accuracy +0\\.\\d{4} +0\\.\\d{4}$")
        .contains("\n1 setting differs:\n")
        .containsPattern("(?m)^  optimizer\\.learning_rate +0\\.002 +0\\.05$");
    assertThat(r.out().substring(r.out().indexOf("setting differs")).lines()).hasSize(2);
  }

  @Test
  void runsListsEveryRunWithItsStatusAndTestAccuracy() throws Exception {
    // A run whose process died: run.json still says running, and nothing holds its lock.
    Path killed = Files.createDirectories(dir.resolve("runs/tiny/killed"));
    Files.writeString(
        killed.resolve("run.json"),
        "{\"status\": \"running\", \"experiment\": \"tiny\", \"pid\": 1, \"dendrite\": \"0\","
            + " \"started\": \"2026-11-28T20:30:15\", \"updated\": \"2026-11-28T20:30:15\"}\n");
    Files.writeString(killed.resolve(".lock"), "pid 1\n");
    Result r = cli.run("runs");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^run +experiment +status +started +epochs +time +test$")
        .containsPattern("(?m)^tiny/a +tiny +completed +\\S+ +1 +\\d+\\.\\ds +accuracy 0\\.\\d{4}$")
        .containsPattern("(?m)^tiny/b +tiny +completed +")
        .containsPattern("(?m)^tiny/killed +tiny +interrupted +2026-11-28T20:30:15 +0 +0\\.0s +-$")
        .endsWith("3 runs\n");
    Result none = cli.run("runs", "nowhere");
    assertThat(none.exitCode()).isEqualTo(2);
  }

  @Test
  void compareWritesOnePageWithTheCurvesOverlaid() throws Exception {
    Result r = cli.run("compare", "runs/tiny/a", "runs/tiny/b", "--html", "compare.html");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).endsWith("page        compare.html\n");
    String page = Files.readString(dir.resolve("compare.html"));
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("optimizer.learning_rate  0.002  0.05")
        .contains("<img id=\"curve-loss\"")
        .contains("<img id=\"curve-val_accuracy\"")
        .doesNotContain("src=\"http")
        .doesNotContain("<script");
  }
}
