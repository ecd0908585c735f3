package io.dendrite.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOverrideTests {
  private final YamlTreeReader reader = new YamlTreeReader();
  @TempDir Path dir;

  private ConfigMap apply(String yaml, String argument) {
    ConfigMap tree = reader.parse(yaml, "exp.yaml");
    return ConfigOverride.parse(argument, text -> reader.parseValue(text, argument)).applyTo(tree);
  }

  private Experiment load(String... overrides) {
    Path file = TestFiles.write(dir, "exp.yaml", TestFiles.VALID);
    return new ExperimentLoader(FixturePlugins.registry())
        .load(file, "exp.yaml", List.of(overrides))
        .experiment();
  }

  @Test
  void replacesValuesWithYamlTypedOnes() {
    Experiment e =
        load("training.epochs=5", "seed=123", "name=other", "optimizer.learning_rate=1e-4");
    assertThat(e.training().epochs()).isEqualTo(5);
    assertThat(e.seed()).isEqualTo(123);
    assertThat(e.name()).isEqualTo("other");
    assertThat(e.optimizer().params().toMap()).containsEntry("learning_rate", 1e-4);
  }

  @Test
  void addressesListItemsWithBracketsOrDots() {
    Experiment e = load("model.layers[0].units=32", "model.layers.1.activation=sigmoid");
    assertThat(e.layers().get(0).params().toMap()).containsEntry("units", 32);
    assertThat(e.layers().get(1).params().toMap())
        .containsEntry("activation", Map.of("type", "sigmoid"));
  }

  @Test
  void acceptsFlowCollectionsAndAppendsAfterTheLastItem() {
    Experiment e =
        load(
            "model.layers[2]={type: dense, units: 10, activation: softmax}",
            "model.layers[1].activation=relu",
            "metrics=[accuracy]");
    assertThat(e.layers()).hasSize(3);
  }

  @Test
  void createsMissingKeysAndLetsValidationJudgeThem() {
    assertThat(load("training.threads=2").training().threads()).isEqualTo(2);
    assertThatThrownBy(() -> load("training.epoch=3"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "override 'training.epoch=3': training.epoch: unknown key 'epoch' in training (did you"
                + " mean 'epochs'?); known: epochs, batch_size, shuffle, threads, clip, early_stopping, max_seconds,"
                + " max_loss, checkpoint, distributed");
    assertThatThrownBy(() -> load("training.epochs=ten"))
        .hasMessage(
            "override 'training.epochs=ten': training.epochs: expected an integer >= 1, found"
                + " \"ten\" (text)");
  }

  @Test
  void turnsAnIdIntoAMappingWhenAParameterIsSet() {
    ConfigMap tree = apply("loss: mse\noptimizer: sgd\n", "optimizer.momentum=0.9");
    ConfigMap optimizer = (ConfigMap) tree.get("optimizer").orElseThrow();
    assertThat(optimizer.entries())
        .extracting(ConfigMap.Entry::key)
        .containsExactly("type", "momentum");
    assertThat(optimizer.get("momentum").orElseThrow().path()).isEqualTo("optimizer.momentum");
    assertThat(optimizer.get("type").orElseThrow().position().toString())
        .isEqualTo("exp.yaml:2:12");
  }

  @Test
  void keepsPositionsOfUntouchedValuesAndPointsAtTheOverrideForNewOnes() {
    ConfigMap tree = apply("training:\n  epochs: 3\n", "training.batch_size=8");
    ConfigMap training = (ConfigMap) tree.get("training").orElseThrow();
    assertThat(training.get("epochs").orElseThrow().position().toString())
        .isEqualTo("exp.yaml:2:11");
    assertThat(training.get("batch_size").orElseThrow().position().toString())
        .isEqualTo("override 'training.batch_size=8'");
  }

  @Test
  void malformedOverridesAreUsageErrors() {
    for (String bad : List.of("epochs", "=3", "a..b=1", "a.[0]=1", "a b=1", ".a=1")) {
      assertThatThrownBy(() -> apply("a: 1\n", bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .satisfies(e -> assertThat(((ConfigException) e).exitCode()).isEqualTo(2))
          .hasMessageStartingWith("override '" + bad + "': ");
    }
    assertThatThrownBy(() -> apply("a: [1, 2]\n", "a[5]=3"))
        .hasMessage(
            "override 'a[5]=3': a: has 2 items; an override can replace items 0 to 1 or append item"
                + " 2, not set item 5");
    assertThatThrownBy(() -> apply("a: 3\n", "a.b=1"))
        .hasMessage("override 'a.b=1': a: is 3 (an integer), so 'a.b' cannot be set in it");
    assertThatThrownBy(() -> apply("a: 1\n", "a={b: [1}"))
        .hasMessageStartingWith("override 'a={b: [1}': ");
  }

  @Test
  void everyBadOverrideIsReportedTogether() {
    assertThatThrownBy(() -> load("nokey", "also-bad"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
  }
}
