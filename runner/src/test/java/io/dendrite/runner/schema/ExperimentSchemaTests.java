package io.dendrite.runner.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.plugins.PluginFolder;
import io.dendrite.runner.plugins.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema generated from the declarations accepts what the validator accepts and refuses
 * unknown keys, unknown ids and values out of range, for built-in and third-party plugins alike.
 */
class ExperimentSchemaTests {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private static final String EXPERIMENT =
      """
      name: schema-check
      seed: 1
      data:
        train: {type: mnist_sample, split: train}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 32, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.002}
      training: {epochs: 2, batch_size: 64}
      metrics: [accuracy]
      """;

  private static PluginRegistry builtIn;
  private static SchemaCheck schema;

  @TempDir static Path dir;

  @BeforeAll
  static void generate() {
    builtIn = PluginRegistry.discover(ExperimentSchemaTests.class.getClassLoader());
    schema = SchemaCheck.of(builtIn);
  }

  @Test
  void isAValidDraft07SchemaItself() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    List<Error> errors =
        registry
            .getSchema(SchemaLocation.of(ExperimentSchema.DRAFT))
            .validate(JsonMapper.shared().readTree(ExperimentSchema.json(builtIn)));
    assertThat(errors).isEmpty();
  }

  @Test
  void acceptsEveryExampleExperiment() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(schema.problems(Files.readString(file))).as("%s", file).isEmpty();
    }
    assertThat(schema.problems(EXPERIMENT)).isEmpty();
  }

  @Test
  void refusesAnUnknownKeyAnywhere() {
    assertThat(schema.problems(EXPERIMENT + "colour: blue\n"))
        .singleElement()
        .asString()
        .contains("colour");
    assertThat(schema.problems(EXPERIMENT.replace("epochs: 2", "epoch: 2")))
        .anySatisfy(p -> assertThat(p).contains("epoch"));
    assertThat(schema.problems(EXPERIMENT.replace("units: 32,", "units: 32, unit: 3,")))
        .anySatisfy(p -> assertThat(p).contains("unit"));
  }

  @Test
  void refusesValuesOutOfRangeOfTheWrongTypeOrNotAmongTheChoices() {
    assertThat(schema.problems(EXPERIMENT.replace("epochs: 2", "epochs: 0")))
        .anySatisfy(p -> assertThat(p).contains("epochs").contains("1"));
    assertThat(schema.problems(EXPERIMENT.replace("learning_rate: 0.002", "learning_rate: 0")))
        .anySatisfy(p -> assertThat(p).contains("learning_rate"));
    assertThat(schema.problems(EXPERIMENT.replace("validation_split: 0.1", "validation_split: 1")))
        .anySatisfy(p -> assertThat(p).contains("validation_split"));
    assertThat(schema.problems(EXPERIMENT.replace("units: 32,", "units: \"32\",")))
        .anySatisfy(p -> assertThat(p).contains("units"));
    assertThat(schema.problems(EXPERIMENT.replace("split: train", "split: tarin")))
        .anySatisfy(p -> assertThat(p).contains("split"));
    assertThat(schema.problems(EXPERIMENT.replace("activation: relu", "activation: rleu")))
        .isNotEmpty();
    assertThat(schema.problems(EXPERIMENT.replace("loss: cross_entropy\n", ""))).isNotEmpty();
  }

  @Test
  void acceptsIdsAliasesAndTheMappingFormWithTheFormatsSettings() {
    assertThat(
            schema.problems(
                EXPERIMENT
                    .replace("activation: relu", "activation: {type: linear}")
                    .replace(
                        "metrics: [accuracy]",
                        "metrics: [accuracy, {type: accuracy, name: acc2}]")))
        .isEmpty();
    assertThat(schema.problems(EXPERIMENT + "plugins: [plugins, ../more/x.jar]\n")).isEmpty();
    assertThat(
            schema.problems(
                EXPERIMENT.replace(
                    "metrics: [accuracy]", "metrics: [{type: accuracy, name: Acc}]")))
        .isNotEmpty();
  }

  @Test
  void aThirdPartyPluginsParametersAreInTheSchemaWhenItsJarIsInstalled() {
    Path plugins = dir.resolve("plugins");
    PluginJars.squareplus(plugins);
    String squareplus =
        EXPERIMENT.replace("activation: relu", "activation: {type: squareplus, b: 2}");
    assertThat(schema.problems(squareplus)).as("not installed").isNotEmpty();
    try (PluginFolder folder = PluginFolder.open(List.of(plugins), getClass().getClassLoader())) {
      SchemaCheck withJar = SchemaCheck.of(folder.discover());
      assertThat(withJar.problems(squareplus)).isEmpty();
      assertThat(withJar.problems(squareplus.replace("b: 2", "b: 0")))
          .anySatisfy(p -> assertThat(p).contains("b"));
      assertThat(withJar.problems(squareplus.replace("b: 2", "c: 2")))
          .anySatisfy(p -> assertThat(p).contains("c"));
      assertThat(withJar.problems(squareplus.replace("b: 2", "b: two"))).isNotEmpty();
    }
  }
}
