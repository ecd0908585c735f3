package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.StrictJson;
import io.dendrite.runner.cli.CliHarness.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins --json} on the real class path: the built-in plugins, as discovered. */
class PluginsJsonTests {
  @TempDir Path dir;

  private List<Map<String, Object>> plugins() {
    Result r =
        new CliHarness(dir, () -> PluginRegistry.discover(getClass().getClassLoader()))
            .run("plugins", "--json");
    assertThat(r.exitCode()).isZero();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> parsed = (List<Map<String, Object>>) StrictJson.parse(r.out());
    return parsed;
  }

  @Test
  void printsOneObjectPerPluginWithItsSource() {
    List<Map<String, Object>> plugins = plugins();
    assertThat(plugins).isNotEmpty();
    for (Map<String, Object> p : plugins) {
      assertThat(p).containsKeys("kind", "id", "aliases", "summary", "params", "source");
    }
    Map<String, Object> relu =
        plugins.stream()
            .filter(p -> p.get("kind").equals("activation") && p.get("id").equals("relu"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("relu not listed"));
    assertThat((String) relu.get("source")).contains("activations");
  }

  @Test
  void describesEachParameter() {
    Map<String, Object> adam =
        plugins().stream()
            .filter(p -> p.get("kind").equals("optimizer") && p.get("id").equals("adam"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("adam not listed"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> params = (List<Map<String, Object>>) adam.get("params");
    Map<String, Object> rate =
        params.stream()
            .filter(p -> p.get("name").equals("learning_rate"))
            .findFirst()
            .orElseThrow();
    assertThat(rate)
        .containsEntry("type", "number")
        .containsEntry("default", 0.001)
        .containsKey("doc");
    assertThat((String) rate.get("range")).startsWith(">");
  }

  @Test
  void listsEveryKindTheIssueAsksFor() {
    List<String> ids = plugins().stream().map(p -> p.get("kind") + ":" + p.get("id")).toList();
    assertThat(ids)
        .contains(
            "activation:identity",
            "activation:sigmoid",
            "activation:tanh",
            "activation:relu",
            "activation:softmax",
            "loss:mse",
            "loss:cross_entropy",
            "optimizer:sgd",
            "optimizer:adam",
            "initializer:xavier_uniform",
            "initializer:he_normal",
            "layer:dense",
            "metric:accuracy",
            "dataset:idx",
            "dataset:mnist_sample");
  }
}
