package io.dendrite.runner.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.FixturePlugins;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.validate.LoadedExperiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentYamlWriterTests {
  @TempDir Path dir;

  @Test
  void resolvedExperimentReadsBackToTheSameExperiment() {
    ExperimentLoader loader = new ExperimentLoader(FixturePlugins.registry());
    // The idx dataset's paths are inputs, which validation requires to exist.
    TestFiles.write(dir, "a b.gz", "");
    TestFiles.write(dir, "yes", "");
    Path file =
        TestFiles.write(
            dir,
            "exp.yaml",
            TestFiles.VALID
                .replace("learning_rate: 0.01", "learning_rate: 1e-8")
                .replace(
                    "train: {type: mnist_sample, split: train}",
                    "train: {type: idx, images: a b.gz, labels: \"yes\"}"));
    LoadedExperiment loaded = loader.load(file, "exp.yaml", List.of("seed=12345678901"));
    String yaml =
        new ExperimentYamlWriter()
            .write(
                loaded.experiment().toMap(),
                "Resolved from exp.yaml\nline two",
                dir.resolve("run"));
    assertThat(yaml)
        .startsWith("# Resolved from exp.yaml\n# line two\nname: tiny\nseed: 12345678901\n");
    assertThat(yaml).contains("  layers:\n    - type: dense\n      units: 16\n");

    Path resolved = TestFiles.write(dir, "run/experiment.resolved.yaml", yaml);
    LoadedExperiment again = loader.load(resolved, "experiment.resolved.yaml", List.of());
    assertThat(again.experiment()).isEqualTo(loaded.experiment());
  }

  @Test
  void mappingsAndListsAreBlocksNumberListsOneLineAndLongTextIsNeverSplit() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("units", 3);
    model.put("ids", List.of("a", "b"));
    List<Object> milestones = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      milestones.add(0.125 * i);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", "x");
    String note = "word ".repeat(40).trim();
    data.put("note", note);
    data.put("model", model);
    data.put("milestones", milestones);
    String numbers = String.join(", ", milestones.stream().map(String::valueOf).toList());
    assertThat(new ExperimentYamlWriter().write(data, "h1\nh2", dir))
        .isEqualTo(
            "# h1\n# h2\nname: x\nnote: "
                + note
                + "\nmodel:\n  units: 3\n  ids:\n    - a\n    - b\nmilestones: ["
                + numbers
                + "]\n");
  }
}
