package io.dendrite.runner.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file that relies on a default gets told when the plugin of that default is not installed,
 * and how paths and component ids that cannot be read are reported.
 */
class DefaultsAndPathsTests {
  private static final String MINIMAL =
      "data: {train: mnist_sample}\nmodel: {layers: [{type: dense, units: 10}]}\nloss: mse\n";

  @TempDir Path dir;

  /** The stand-in plugins without those named {@code left}. */
  private static PluginRegistry without(String... left) {
    Set<String> ids = Set.of(left);
    List<RegisteredPlugin> found = new ArrayList<>();
    for (Plugin<?> p : FixturePlugins.plugins()) {
      if (!ids.contains(p.id())) {
        found.add(new RegisteredPlugin(kindOf(p), p, FixturePlugins.SOURCE));
      }
    }
    return new PluginRegistry(found, List.of());
  }

  private static PluginKind kindOf(Plugin<?> p) {
    for (PluginKind k : PluginKind.values()) {
      if (k.serviceType().isInstance(p)) {
        return k;
      }
    }
    throw new IllegalArgumentException(p.id());
  }

  private List<String> problems(PluginRegistry registry, String yaml) {
    Path file = TestFiles.write(dir, "exp.yaml", yaml);
    try {
      new ExperimentLoader(registry).load(file, "exp.yaml", List.of());
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  @Test
  void aDefaultOptimizerThatIsNotInstalledIsReportedAtTheTop() {
    assertThat(problems(without("adam"), MINIMAL))
        .containsExactly(
            "exp.yaml:1:1: optimizer: the default optimizer is not available: unknown optimizer"
                + " 'adam'; known: sgd");
  }

  @Test
  void aDefaultMetricListNamingAMissingMetricIsReportedAtTheTop() {
    assertThat(problems(without("accuracy"), MINIMAL))
        .containsExactly(
            "exp.yaml:1:1: metrics: the default metric is not available: unknown metric"
                + " 'accuracy'; known: none installed");
  }

  @Test
  void aDefaultComponentParameterOfALayerIsReportedAtTheLayer() {
    assertThat(problems(without("he_normal"), MINIMAL))
        .containsExactly(
            "exp.yaml:2:18: model.layers[0].initializer: the default initializer is not"
                + " available: unknown initializer 'he_normal'; known: xavier_uniform");
    assertThat(problems(without("identity"), MINIMAL))
        .containsExactly(
            "exp.yaml:2:18: model.layers[0].activation: the default activation is not available:"
                + " unknown activation 'identity'; known: leaky_relu, relu, sigmoid, softmax");
  }

  @Test
  void aListOfComponentsWithNoneInstalledSuggestsAPlaceholderId() {
    assertThat(
            problems(
                without("dense", "dropout"),
                "data: {train: mnist_sample}\nmodel: {layers: dense}\nloss: mse\n"))
        .containsExactly(
            "exp.yaml:2:17: model.layers: expected a list of layer ids (at least 1), e.g. [id],"
                + " found \"dense\" (text)");
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: {train: mnist_sample}\nmodel: {layers: dense}\nloss: mse\n"))
        .containsExactly(
            "exp.yaml:2:17: model.layers: expected a list of layer ids (at least 1), e.g."
                + " [dense], found \"dense\" (text)");
  }

  @Test
  void aComponentTypeThatIsNotTextIsRefusedAtTheType() {
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: {train: mnist_sample}\nmodel: {layers: [{type: dense, units: 10}]}\n"
                    + "loss: {type: [mse]}\n"))
        .containsExactly("exp.yaml:3:14: loss.type: expected a loss id, found a list");
  }

  @Test
  void aPathThatCannotBeAPathIsRefusedAtItsValue() {
    // A NUL can only be written as an escape: the character itself is refused before reading.
    TestFiles.write(dir, "labels.gz", "");
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: {train: {type: idx, images: \"a\\0b\", labels: labels.gz}}\n"
                    + "model: {layers: [{type: dense, units: 10}]}\nloss: mse\n"))
        .singleElement()
        .asString()
        .startsWith("exp.yaml:1:35: data.train.images: not a valid path: ")
        .contains("a\0b");
  }

  @Test
  void aMissingRelativeInputNamesWhereItWasLookedFor() {
    TestFiles.write(dir, "labels.gz", "");
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: {train: {type: idx, images: data/images.gz, labels: labels.gz}}\n"
                    + "model: {layers: [{type: dense, units: 10}]}\nloss: mse\n"))
        .containsExactly(
            "exp.yaml:1:35: data.train.images: no such file or folder: "
                + dir.resolve("data/images.gz").toAbsolutePath()
                + " (relative to the experiment file)");
    Path absolute = dir.resolve("nowhere/images.gz").toAbsolutePath();
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: {train: {type: idx, images: "
                    + absolute
                    + ", labels: labels.gz}}\n"
                    + "model: {layers: [{type: dense, units: 10}]}\nloss: mse\n"))
        .containsExactly("exp.yaml:1:35: data.train.images: no such file or folder: " + absolute);
  }

  @Test
  void aSectionGivenAsAValueOrAListNamesTheKeysItTakes() {
    assertThat(
            problems(
                FixturePlugins.registry(),
                "data: 5\nmodel: {layers: [{type: dense, units: 10}]}\nloss: mse\n"))
        .containsExactly(
            "exp.yaml:1:7: data: expected a mapping with: train, test, validation_split,"
                + " test_split, stratified, preprocess, found 5 (an integer)");
    assertThat(problems(FixturePlugins.registry(), MINIMAL + "training: [1]\n"))
        .containsExactly(
            "exp.yaml:4:11: training: expected a mapping with: epochs, batch_size, shuffle,"
                + " threads, clip, early_stopping, max_seconds, max_loss, checkpoint,"
                + " distributed, found a list");
  }
}
