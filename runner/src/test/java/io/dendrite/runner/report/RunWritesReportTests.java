package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.TestFiles;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.wiring.PluginModule;
import io.dendrite.runner.wiring.RunModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run ends with its plots and report, and a report that cannot be written does not fail it. */
class RunWritesReportTests {
  private static final String YAML =
      """
      name: tiny-report
      seed: 3
      data:
        train: {type: mnist_sample, split: test}
        test: {type: mnist_sample, split: test}
      model:
        layers:
          - {type: dense, units: 8, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      training: {epochs: 1, batch_size: 100, threads: 2}
      metrics: [accuracy, confusion_matrix]
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private TrainingResult run(Path runDirectory) {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    Path file = TestFiles.write(dir, "tiny.yaml", YAML);
    LoadedExperiment loaded = new ExperimentLoader(registry).load(file, "tiny.yaml", List.of());
    RunSettings settings =
        new RunSettings(
            runDirectory,
            "run",
            new PrintWriter(out, true),
            true,
            false,
            "1.2.3-test",
            dir.resolve("cache"));
    return Guice.createInjector(new PluginModule(registry), new RunModule(loaded, settings))
        .getInstance(ExperimentRun.class)
        .execute();
  }

  @Test
  void aRunWritesItsPlotsAndAReportWithItsProvenance() throws IOException {
    Path runDirectory = Files.createDirectories(dir.resolve("run"));
    run(runDirectory);
    assertThat(out.toString()).doesNotContain("warning");
    assertThat(runDirectory.resolve("plots/loss.png")).isRegularFile();
    assertThat(runDirectory.resolve("plots/confusion_matrix.png")).isRegularFile();
    ReportPageXml page = ReportPageXml.parse(runDirectory.resolve("report.html"));
    assertThat(page.texts("//table[@id='provenance-table']//th"))
        .containsExactly(
            "Dendrite version",
            "Java",
            "Operating system",
            "Processors",
            "Threads",
            "Experiment file",
            "Started",
            "Duration");
    List<String> values = page.texts("//table[@id='provenance-table']//td");
    assertThat(values.get(0)).isEqualTo("1.2.3-test");
    assertThat(values.get(1)).startsWith(System.getProperty("java.version"));
    assertThat(values.get(3))
        .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    assertThat(values.get(4)).isEqualTo("2");
    assertThat(values.get(5)).isEqualTo("tiny.yaml");
    assertThat(values.get(6))
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d");
    assertThat(values.get(7)).matches("\\d+\\.\\d s");
    assertThat(page.one("//pre[@id='resolved-experiment']").getTextContent())
        .isEqualTo(Files.readString(runDirectory.resolve(ExperimentRun.RESOLVED_YAML)));
  }

  @Test
  void aReportThatCannotBeWrittenIsOneWarningLineAndTheRunStillSucceeds() throws IOException {
    Path runDirectory = Files.createDirectories(dir.resolve("run"));
    // A file where the plots folder goes: the report cannot be written.
    Files.writeString(runDirectory.resolve("plots"), "in the way");
    TrainingResult result = run(runDirectory);
    assertThat(result.test()).isPresent();
    List<String> warnings = out.toString().lines().filter(l -> l.startsWith("warning")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("warning     no report: ").contains("plots");
    assertThat(out.toString()).contains("results     run");
    assertThat(runDirectory.resolve("metrics.json")).isRegularFile();
    assertThat(runDirectory.resolve("report.html")).doesNotExist();
  }
}
