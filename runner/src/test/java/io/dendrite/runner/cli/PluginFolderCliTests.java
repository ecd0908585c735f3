package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.TestFiles;
import io.dendrite.runner.plugins.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third party's jar dropped in {@code plugins/} is listed and usable like a built-in plugin. */
class PluginFolderCliTests {
  @TempDir Path dir;

  private CliHarness cli() {
    return CliHarness.withFolders(dir, List.of(dir.resolve("plugins")));
  }

  @Test
  void pluginsListsTheJarsPluginWithItsSource() throws Exception {
    Path jar = PluginJars.squareplus(dir.resolve("plugins"));
    Files.writeString(dir.resolve("plugins/broken.jar"), "not a jar");
    CliHarness.Result r = cli().run("plugins", "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("\"id\": \"squareplus\"")
        .contains("\"source\": \"" + jar + "\"")
        .contains("\"id\": \"relu\"");
    assertThat(r.err()).contains("broken.jar").contains("not a readable jar");
  }

  @Test
  void anExperimentUsesTheJarsPlugin() throws Exception {
    PluginJars.squareplus(dir.resolve("plugins"));
    TestFiles.write(
        dir,
        "squareplus.yaml",
        """
        name: squareplus
        data:
          train: {type: mnist_sample, split: test}
        model:
          layers:
            - {type: dense, units: 16, activation: squareplus}
            - {type: dense, units: 10, activation: softmax}
        loss: cross_entropy
        training: {epochs: 1, batch_size: 128}
        """);
    CliHarness.Result r = cli().run("run", "squareplus.yaml", "--out", "out");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("out/metrics.json")).exists();
    assertThat(Files.readString(dir.resolve("out/experiment.resolved.yaml")))
        .contains("type: squareplus");
  }
}
