package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DendriteCommandTests {
  @TempDir Path dir;
  private CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir, FixturePlugins::registry);
    TestFiles.write(dir, "exp.yaml", TestFiles.VALID);
    TestFiles.write(
        dir, "bad.yaml", TestFiles.VALID.replace("activation: relu", "activation: rleu"));
  }

  @Test
  void validateOnAValidFileExitsZeroWithASummary() {
    Result r = cli.run("validate", "exp.yaml");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "exp.yaml: valid\n"
                + "tiny: 2 layers (dense, dense), loss cross_entropy, optimizer adam, 2 epochs of"
                + " batch 64, train data mnist_sample, metrics accuracy\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validateReportsProblemsAndExitsTwo() {
    Result r = cli.run("validate", "bad.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "bad.yaml:9:44: model.layers[0].activation: unknown activation 'rleu' (did you mean"
                + " 'relu'?); known: identity, leaky_relu, linear, relu, sigmoid, softmax\n"
                + "bad.yaml: invalid (1 problem)\n");
  }

  @Test
  void validateAppliesOverrides() {
    assertThat(cli.run("validate", "bad.yaml", "model.layers[0].activation=relu").exitCode())
        .isZero();
    Result r = cli.run("validate", "exp.yaml", "training.epochs=0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("override 'training.epochs=0': training.epochs: must be >= 1, found 0\n");
    assertThat(cli.run("validate", "exp.yaml", "no-equals-sign").exitCode()).isEqualTo(2);
  }

  @Test
  void missingFileIsAConfigurationError() {
    Result r = cli.run("validate", "nope.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("nope.yaml: no such file (looked for " + dir.resolve("nope.yaml"));
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(cli.run().exitCode()).isEqualTo(2);
    assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(cli.run("validate").exitCode()).isEqualTo(2);
    Result r = cli.run("run", "exp.yaml", "--epochs", "3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--epochs'").contains("dendrite run --help");
  }

  @Test
  void helpAndVersionExitZero() {
    Result help = cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("run").contains("validate").contains("plugins");
    assertThat(cli.run("run", "--help").out()).contains("--out").contains("key.path=value");
    Result version = cli.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("dendrite ");
  }

  @Test
  void runOnAnInvalidFileExitsTwoAndWritesNothing() {
    Result r = cli.run("run", "bad.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown activation 'rleu'");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void runRefusesAnOutDirectoryHoldingResultsOrInUse() throws Exception {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("metrics.json"), "{}");
    Result r = cli.run("run", "exp.yaml", "--out", "used");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("already holds the results of a completed run");

    // A lock file alone (left by a killed run) is no obstacle; a process holding the lock is.
    Path busy = Files.createDirectories(dir.resolve("busy"));
    try (io.dendrite.runner.output.RunDirectory other =
        io.dendrite.runner.output.RunDirectory.claim(busy, CliHarness.CLOCK)) {
      r = cli.run("run", "exp.yaml", "--out", "busy");
    }
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("another run (process " + ProcessHandle.current().pid() + ") is writing to");
    assertThat(busy.resolve("experiment.resolved.yaml")).doesNotExist();
  }

  @Test
  void anUnexpectedFailureExitsOneWithOneLineAndNoStackTrace() throws Exception {
    // The stand-in plugins cannot train: whatever fails, it is not a configuration problem.
    Result r = cli.run("run", "exp.yaml", "--out", "out");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("internal error: ").contains("--debug").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("out/experiment.resolved.yaml")).exists();
    assertThat(Files.readString(dir.resolve("out/run.json")))
        .contains("\"status\": \"failed\"")
        .contains("\"error\": ");

    Result debug = cli.run("run", "exp.yaml", "--out", "out2", "--debug");
    assertThat(debug.exitCode()).isEqualTo(1);
    assertThat(debug.err()).contains("\tat ");
  }

  @Test
  void runCreatesATimestampedRunDirectoryUnderRuns() {
    cli.run("run", "exp.yaml");
    cli.run("run", "exp.yaml");
    assertThat(dir.resolve("runs/tiny/20261128-203015/experiment.resolved.yaml")).exists();
    assertThat(dir.resolve("runs/tiny/20261128-203015-2/experiment.resolved.yaml")).exists();
  }

  @Test
  void pluginsTableListsEveryPluginByKind() {
    Result r = cli.run("plugins");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("KIND")
        .contains("ID")
        .contains("SOURCE");
    assertThat(r.out())
        .containsPattern("activation +identity +linear +- +fixture-plugins\\.jar")
        .containsPattern(
            "layer +dense +- +units \\(required, >= 1\\), activation=identity,"
                + " initializer=he_normal, use_bias=true +fixture-plugins\\.jar")
        .containsPattern("layer +dropout +- +rate=0\\.5 \\(>= 0 and < 1\\) ")
        .containsPattern("dataset +mnist_sample +- +split=train \\(train\\|test\\) ")
        .contains(FixturePlugins.plugins().size() + " plugins");
  }
}
