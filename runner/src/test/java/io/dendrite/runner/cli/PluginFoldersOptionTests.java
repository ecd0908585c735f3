package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.TestFiles;
import io.dendrite.runner.plugins.PluginJars;
import io.dendrite.runner.schema.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin folders besides the standard ones: {@code --plugins DIR} on every command, and the
 * experiment's own {@code plugins:}, relative to the experiment file.
 */
class PluginFoldersOptionTests {
  private static final String EXPERIMENT =
      """
      name: squareplus
      PLUGINS
      data:
        train: {type: mnist_sample, split: test}
      model:
        layers:
          - {type: dense, units: 8, activation: {type: squareplus, b: 2}}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      training: {epochs: 1, batch_size: 256}
      """;

  @TempDir Path dir;
  private Path jar;

  @BeforeEach
  void buildJar() {
    jar = PluginJars.squareplus(dir.resolve("project/jars"));
  }

  /** The class path's plugins and no standard folder: only what a command adds. */
  private CliHarness cli(Path workingDirectory) {
    return CliHarness.withFolders(workingDirectory, List.of());
  }

  private Path experiment(String plugins) {
    return TestFiles.write(
        dir, "project/experiments/exp.yaml", EXPERIMENT.replace("PLUGINS", plugins));
  }

  @Test
  void theExperimentsPluginsKeyIsRelativeToTheFileAndRecordedAbsolute() throws Exception {
    experiment("plugins: [../jars]");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    CliHarness.Result r =
        cli(elsewhere).run("run", "../project/experiments/exp.yaml", "--out", "out", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    String resolved = Files.readString(elsewhere.resolve("out/experiment.resolved.yaml"));
    // Paths are written relative to the run directory, so that it can move with its jars.
    assertThat(resolved).contains("plugins:\n  - ../../project/jars\n").contains("squareplus");
    // The resolved experiment repeats the run from wherever it is.
    CliHarness.Result again =
        cli(dir).run("validate", elsewhere.resolve("out/experiment.resolved.yaml").toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
  }

  @Test
  void aJarMayBeNamedOnItsOwnAndOverridesMayNameFolders() {
    experiment("plugins: [../jars/squareplus.jar]");
    assertThat(cli(dir).run("validate", "project/experiments/exp.yaml").exitCode()).isZero();
    experiment("");
    assertThat(cli(dir).run("validate", "project/experiments/exp.yaml").exitCode()).isEqualTo(2);
    assertThat(
            cli(dir)
                .run("validate", "project/experiments/exp.yaml", "plugins=[../jars]")
                .exitCode())
        .isZero();
  }

  @Test
  void aFolderTheExperimentNamesThatDoesNotExistIsReportedAtItsLine() {
    experiment("plugins: [../jars, ../missing]");
    CliHarness.Result r = cli(dir).run("validate", "project/experiments/exp.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "project/experiments/exp.yaml:2:20: plugins[1]: no such plugin folder or jar: "
                + dir.resolve("project/missing"));
  }

  @Test
  void pluginsOptionWorksOnEveryCommand() {
    experiment("");
    String folder = dir.resolve("project/jars").toString();
    assertThat(
            cli(dir)
                .run("validate", "project/experiments/exp.yaml", "--plugins", folder)
                .exitCode())
        .isZero();
    assertThat(cli(dir).run("plugins", "--plugins", folder).out()).contains("squareplus");
    assertThat(cli(dir).run("plugins", "--json", "--plugins", jar.toString()).out())
        .contains("\"id\": \"squareplus\"");
    assertThat(cli(dir).run("plugins", "describe", "squareplus", "--plugins", folder).out())
        .containsPattern("b +number +4 +> 0 +smoothness near 0");
    CliHarness.Result doctor = cli(dir).run("plugins", "doctor", "--plugins", folder);
    assertThat(doctor.exitCode()).as(doctor.out()).isZero();
    assertThat(doctor.out()).contains(folder + "  (1 jar)").contains("no problems");
    CliHarness.Result schema = cli(dir).run("schema", "--plugins", folder);
    assertThat(schema.exitCode()).isZero();
    assertThat(
            SchemaCheck.of(schema.out())
                .problems(EXPERIMENT.replace("PLUGINS", "plugins: [../jars]")))
        .isEmpty();
  }

  @Test
  void theStandardFoldersAreBesideTheLauncherHereAndInTheUsersFolder() {
    Path here = dir.resolve("work");
    Path user = dir.resolve("home/.dendrite");
    assertThat(CliEnvironment.standardPluginFolders("/opt/dendrite", here, user))
        .containsExactly(
            Path.of("/opt/dendrite/plugins"), here.resolve("plugins"), user.resolve("plugins"));
    assertThat(CliEnvironment.standardPluginFolders(null, here, user))
        .containsExactly(here.resolve("plugins"), user.resolve("plugins"));
  }

  @Test
  void aPluginsOptionThatNamesNothingIsAUsageError() {
    experiment("");
    CliHarness.Result r =
        cli(dir).run("validate", "project/experiments/exp.yaml", "--plugins", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("--plugins nope: no such plugin folder or jar: " + dir.resolve("nope"));
    assertThat(cli(dir).run("plugins", "doctor", "--plugins", "nope").exitCode()).isEqualTo(2);
  }
}
