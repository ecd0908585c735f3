package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.runner.schema.SchemaCheck;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code plugins describe}: one plugin in full, with an example that is a valid experiment part.
 */
class PluginsDescribeTests {
  private static final String BASE =
      """
      data:
        train: {type: mnist_sample}
      model:
        layers: [{type: dense, units: 10, activation: softmax}]
      loss: cross_entropy
      """;

  @TempDir Path dir;

  private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

  private CliHarness.Result describe(String... words) {
    String[] args = new String[words.length + 2];
    args[0] = "plugins";
    args[1] = "describe";
    System.arraycopy(words, 0, args, 2, words.length);
    return new CliHarness(dir, () -> registry).run(args);
  }

  @Test
  void showsParametersWithTypesDefaultsRangesDocsAndAnExample() {
    CliHarness.Result r = describe("optimizer", "adam");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("optimizer adam: ")
        .containsPattern("(?m)^  NAME +TYPE +DEFAULT +RANGE +DOC$")
        .containsPattern("(?m)^  learning_rate +number +0\\.001 +> 0 +\\S")
        .contains("example, at optimizer\n  optimizer:\n    type: adam\n")
        .contains("    learning_rate: 0.001  # number > 0: ");
  }

  @Test
  void placesAPluginWhereItsKindGoesThroughOtherPlugins() {
    CliHarness.Result r = describe("relu");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("parameters: none")
        .contains("example, at model.layers[].activation\n")
        .contains("      - type: activation\n        activation:\n          type: relu\n");
  }

  @Test
  void anIdOfSeveralKindsNeedsItsKindAndAnUnknownOneGetsAGuess() {
    CliHarness.Result ambiguous = describe("linear");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .contains("'linear' names plugins of 2 kinds (activation, layer); say which:");
    assertThat(describe("activation", "linear").out()).startsWith("activation identity");
    assertThat(describe("rleu").err()).contains("(did you mean 'relu'?)");
    assertThat(describe("activaton", "relu").err()).contains("unknown plugin kind 'activaton'");
  }

  @Test
  void everyInstalledPluginsExampleIsValidInAnExperiment() {
    SchemaCheck schema = SchemaCheck.of(registry);
    ExampleYaml examples = new ExampleYaml(registry);
    for (RegisteredPlugin p : registry.plugins()) {
      ObjectNode experiment = (ObjectNode) SchemaCheck.tree(BASE);
      String yaml = examples.of(p).yaml();
      merge(experiment, SchemaCheck.tree(yaml));
      assertThat(schema.problems(experiment))
          .as("%s %s:%n%s", p.kind().id(), p.id(), yaml)
          .isEmpty();
    }
  }

  /** {@code into} with {@code part} laid over it: mappings merged, anything else replaced. */
  private static void merge(ObjectNode into, JsonNode part) {
    for (Iterator<Map.Entry<String, JsonNode>> it = part.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue().isObject()) {
        merge(o, e.getValue());
      } else if (e.getValue() instanceof ArrayNode a) {
        into.set(e.getKey(), a);
      } else {
        into.set(e.getKey(), e.getValue());
      }
    }
  }
}
