package io.dendrite.runner;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.model.ModelFile;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.core.train.GradientProcessor;
import io.dendrite.core.train.ListenerChain;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.output.AtomicFileWriter;
import io.dendrite.runner.output.Checkpoints;
import io.dendrite.runner.output.JsonWriter;
import io.dendrite.runner.output.PortablePaths;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.report.ReportWriter;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.yaml.ExperimentYamlWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains one experiment into its run directory. It writes the resolved experiment first, then
 * trains with the run's listeners (progress on the console, metrics in files, ...) and gradient
 * processors, all bound by Guice ({@link io.dendrite.runner.wiring.RunModule}), and ends with the
 * model file, the plots and the report ({@link ReportWriter}).
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
    return execute(Optional.empty());
  }

  /**
   * Runs the experiment to the end, from the start or from {@code resume}, writes its model and
   * returns what training produced.
   */
  public TrainingResult execute(Optional<Checkpoints.Found> resume) {
    Experiment experiment = loaded.experiment();
    Path directory = settings.directory();
    PrintWriter out = settings.out();
    if (resume.isEmpty()) {
      // A resumed run keeps the file it was started from (it is the file it is resumed from).
      writeResolvedExperiment(experiment, directory.resolve(RESOLVED_YAML));
    }
    if (!settings.quiet()) {
      out.printf(
          "experiment  %s  (%s, dendrite %s)%n",
          experiment.name(), loaded.source().displayName(), settings.version());
      out.printf("run         %s%n", settings.shownAs());
      out.flush();
    }
    TrainingResult result;
    OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    long startNanos = System.nanoTime();
    Map<String, Object> provenance;
    try {
      List<TrainingListener> all = new java.util.ArrayList<>();
      all.add(
          new TrainingListener() {
            @Override
            public void onStart(TrainingContext context, TrainingPlan plan) {
              // What preprocessing fitted on the training split goes into the resolved
              // experiment, so that it repeats the run without fitting again.
              if (resume.isEmpty()
                  && !plan.preprocessing().equals(experiment.data().preprocess())) {
                writeResolvedExperiment(
                    experiment.withPreprocessing(plan.preprocessing()),
                    directory.resolve(RESOLVED_YAML));
              }
            }
          });
      all.addAll(listeners);
      if (resume.isPresent()) {
        result =
            trainer.resume(
                experiment,
                resume.get().contents().checkpoint(),
                new ListenerChain(all),
                processors);
      } else {
        result = trainer.run(experiment, new ListenerChain(all), processors);
      }
      provenance = provenance(started, Duration.ofNanos(System.nanoTime() - startNanos));
      writeModel(experiment, result, provenance, directory.resolve(RunDirectory.MODEL));
      writeReport(experiment, result, provenance);
    } finally {
      pool.close();
    }
    out.printf("results     %s%n", settings.shownAs());
    out.flush();
    return result;
  }

  /** Where and how the run ran, as the report shows it and the model file records it. */
  private Map<String, Object> provenance(OffsetDateTime started, Duration duration) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Dendrite version", settings.version());
    p.put(
        "Java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    p.put(
        "Operating system",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")");
    p.put("Processors", Runtime.getRuntime().availableProcessors());
    p.put("Threads", pool.threads());
    p.put("Experiment file", loaded.source().displayName());
    p.put("Started", started);
    p.put("Duration", duration);
    return p;
  }

  /**
   * Draws the plots and the report. The run has trained and its metrics are on disk: a report that
   * cannot be drawn (no fonts on a server, a full disk) is one warning line, not a failed run.
   */
  private void writeReport(
      Experiment experiment, TrainingResult result, Map<String, Object> provenance) {
    try {
      new ReportWriter(experiment, RESOLVED_YAML).write(settings.directory(), result, provenance);
    } catch (Exception | Error e) {
      if (e instanceof VirtualMachineError vm && !(e instanceof InternalError)) {
        throw vm;
      }
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      settings.out().println("warning     no report: " + why.replaceAll("\\s+", " ").trim());
      settings.out().flush();
    }
  }

  /**
   * The trained network with what it needs to be used: the model file of the run. Its metadata
   * records the provenance as {@code dendrite.java}, {@code dendrite.started}, ..., and the test
   * result the run reported, which {@code dendrite evaluate} compares with.
   */
  private void writeModel(
      Experiment experiment, TrainingResult result, Map<String, Object> provenance, Path file) {
    Map<String, String> metadata = new LinkedHashMap<>();
    provenance.forEach(
        (key, value) ->
            metadata.put(
                "dendrite."
                    + key.replace("Dendrite ", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace(' ', '_'),
                String.valueOf(value)));
    metadata.put("dendrite.seed", Long.toString(experiment.seed()));
    result
        .test()
        .ifPresent(
            t -> {
              Map<String, Object> test = new LinkedHashMap<>();
              test.put("examples", t.examples());
              test.put("loss", t.loss());
              t.metrics().forEach((name, v) -> test.put(name, v.value()));
              metadata.put("dendrite.test", JsonWriter.write(test));
            });
    Experiment fitted = experiment.withPreprocessing(result.data().preprocessing());
    ModelFile.write(
        file,
        result.network().tensors(),
        PortablePaths.relativeTo(file.getParent(), fitted.toMap()),
        result.data().featureCount(),
        result.data().rawFeatureCount(),
        result.data().classNames(),
        metadata);
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
