package io.dendrite.runner;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.core.train.GradientProcessor;
import io.dendrite.core.train.ListenerChain;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.output.AtomicFileWriter;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.yaml.ExperimentYamlWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Trains one experiment into its run directory. It writes the resolved experiment first, then
 * trains with the run's listeners (progress on the console, metrics in files, ...) and gradient
 * processors, all bound by Guice ({@link io.dendrite.runner.wiring.RunModule}).
 */
public final class ExperimentRun {
  /** The file, in the run directory, that repeats the run on its own. */
  public static final String RESOLVED_YAML = "experiment.resolved.yaml";

  private final LoadedExperiment loaded;
  private final ExperimentTraining trainer;
  private final List<TrainingListener> listeners;
  private final List<GradientProcessor> processors;
  private final RunSettings settings;
  private final ComputePool pool;

  @Inject
  ExperimentRun(
      LoadedExperiment loaded,
      ExperimentTraining trainer,
      Set<TrainingListener> listeners,
      Set<GradientProcessor> processors,
      RunSettings settings,
      ComputePool pool) {
    this.loaded = loaded;
    this.trainer = trainer;
    this.listeners = List.copyOf(listeners);
    this.processors = List.copyOf(processors);
    this.settings = settings;
    this.pool = pool;
  }

  /** Runs the experiment to the end and returns what training produced. */
  public TrainingResult execute() {
    Experiment experiment = loaded.experiment();
    Path directory = settings.directory();
    PrintWriter out = settings.out();
    writeResolvedExperiment(experiment, directory.resolve(RESOLVED_YAML));
    if (!settings.quiet()) {
      out.printf(
          "experiment  %s  (%s, dendrite %s)%n",
          experiment.name(), loaded.source().displayName(), settings.version());
      out.printf("run         %s%n", settings.shownAs());
      out.flush();
    }
    TrainingResult result;
    try {
      List<TrainingListener> all = new java.util.ArrayList<>();
      all.add(
          new TrainingListener() {
            @Override
            public void onStart(TrainingContext context, TrainingPlan plan) {
              // What preprocessing fitted on the training split goes into the resolved
              // experiment, so that it repeats the run without fitting again.
              if (!plan.preprocessing().equals(experiment.data().preprocess())) {
                writeResolvedExperiment(
                    experiment.withPreprocessing(plan.preprocessing()),
                    directory.resolve(RESOLVED_YAML));
              }
            }
          });
      all.addAll(listeners);
      result = trainer.run(experiment, new ListenerChain(all), processors);
    } finally {
      pool.close();
    }
    out.printf("results     %s%n", settings.shownAs());
    out.flush();
    return result;
  }

  private void writeResolvedExperiment(Experiment experiment, Path file) {
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
          file,
          new ExperimentYamlWriter()
              .write(experiment.toMap(), header.toString(), file.getParent()));
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot write " + file + ": " + e, e);
    }
  }
}
