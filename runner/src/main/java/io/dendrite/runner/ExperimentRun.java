package io.dendrite.runner;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.output.AtomicFileWriter;
import io.dendrite.runner.output.ConsoleReporter;
import io.dendrite.runner.output.ListenerChain;
import io.dendrite.runner.output.MetricsWriter;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.yaml.ExperimentYamlWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains one experiment into its run directory. It writes the resolved experiment first, then
 * trains with progress on the console and metrics in files.
 */
public final class ExperimentRun {
  /** The file, in the run directory, that repeats the run on its own. */
  public static final String RESOLVED_YAML = "experiment.resolved.yaml";

  private final LoadedExperiment loaded;
  private final ComponentFactory components;
  private final RunSettings settings;

  @Inject
  ExperimentRun(LoadedExperiment loaded, ComponentFactory components, RunSettings settings) {
    this.loaded = loaded;
    this.components = components;
    this.settings = settings;
  }

  /** Runs the experiment to the end and returns what training produced. */
  public TrainingResult execute() {
    Experiment experiment = loaded.experiment();
    Path directory = settings.directory();
    PrintWriter out = settings.out();
    writeResolvedExperiment(directory.resolve(RESOLVED_YAML));
    if (!settings.quiet()) {
      out.printf(
          "experiment  %s  (%s, dendrite %s)%n",
          experiment.name(), loaded.source().displayName(), settings.version());
      out.printf("run         %s%n", settings.shownAs());
      out.flush();
    }
    List<String> metricIds = experiment.metrics().stream().map(ComponentSpec::id).toList();
    ListenerChain listeners =
        new ListenerChain(
            List.of(
                new ConsoleReporter(
                    out, settings.quiet(), settings.progressBar(), experiment.layers().size()),
                new MetricsWriter(directory, metricIds)));
    TrainingResult result = new ExperimentTrainer(components).run(experiment, listeners);
    out.printf("results     %s%n", settings.shownAs());
    out.flush();
    return result;
  }

  private void writeResolvedExperiment(Path file) {
    ExperimentSource source = loaded.source();
    StringBuilder header =
        new StringBuilder("Resolved from ")
            .append(source.displayName())
            .append(" by dendrite ")
            .append(settings.version())
            .append(": every default filled in; run it again with: dendrite run ")
            .append(RESOLVED_YAML);
    if (!source.overrides().isEmpty()) {
      header.append("\nOverrides applied: ").append(String.join(" ", source.overrides()));
    }
    try {
      AtomicFileWriter.write(
          file, new ExperimentYamlWriter().write(loaded.experiment().toMap(), header.toString()));
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot write " + file + ": " + e, e);
    }
  }
}
