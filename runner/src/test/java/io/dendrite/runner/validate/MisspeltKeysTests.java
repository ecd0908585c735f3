package io.dendrite.runner.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is under a misspelt key is read as the key it was meant to be: the mistakes inside a mapping
 * or a list are reported in the same run, but not what it lacks, nor that a scalar is no section.
 */
class MisspeltKeysTests {
  private static final PluginRegistry BUILT_IN =
      PluginRegistry.discover(MisspeltKeysTests.class.getClassLoader());

  @TempDir Path dir;

  private List<String> problems(String yaml) {
    Path file = TestFiles.write(dir, "exp.yaml", yaml);
    try {
      new ExperimentLoader(BUILT_IN).load(file, "exp.yaml", List.of());
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    return List.of();
  }

  private static final String VALID_REST =
      """
      model:
        layers:
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      """;

  @Test
  void aMisspeltListIsReadAsTheListItWasMeantToBe() {
    List<String> problems =
        problems("data: {train: mnist_sample}\n" + VALID_REST + "metrcs: [acuracy]\n");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("exp.yaml:6:1: metrcs: unknown key 'metrcs'");
    assertThat(problems.get(1))
        .startsWith(
            "exp.yaml:6:10: metrcs[0]: unknown metric 'acuracy' (did you mean 'accuracy'?)");
  }

  @Test
  void whatAMisspeltMappingLacksIsNotReported() {
    List<String> problems = problems("dta: {tset: mnist_sample}\n" + VALID_REST);
    assertThat(problems)
        .as("the missing data, the unknown dta and the unknown tset inside it: %s", problems)
        .hasSize(3)
        .noneMatch(p -> p.contains("missing required key 'train'"));
    assertThat(problems).anyMatch(p -> p.contains("dta.tset: unknown key 'tset' in data"));
  }

  @Test
  void aScalarUnderAMisspeltSectionIsOnlyAnUnknownKey() {
    List<String> problems = problems("data: {train: mnist_sample}\n" + VALID_REST + "trainig: 5\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("exp.yaml:6:1: trainig: unknown key 'trainig' (did you mean 'training'?)");
  }
}
