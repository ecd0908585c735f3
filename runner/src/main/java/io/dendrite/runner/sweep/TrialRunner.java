package io.dendrite.runner.sweep;

import com.google.inject.Guice;
import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.TrainingSpec;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;
import io.dendrite.runner.wiring.PluginModule;
import io.dendrite.runner.wiring.RunModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one trial as {@code dendrite run} runs an experiment, into the trial's own run directory,
 * with what it prints going to {@code console.log} there. A trial that fails gives a failed {@link
 * TrialOutcome} with its error, so that the sweep goes on.
 *
 * <p>Every engine runs trials through this class, locally or on a cluster's executor, so that a
 * trial gives the same bits wherever it runs.
 */
public final class TrialRunner {
  /** What a trial printed, in its run directory. */
  public static final String CONSOLE_LOG = "console.log";

  private final PluginRegistry registry;
  private final String version;
  private final Path cacheFolder;

  /**
   * @param version the Dendrite version recorded in the trial's files
   * @param cacheFolder where downloaded data sets are kept
   */
  public TrialRunner(PluginRegistry registry, String version, Path cacheFolder) {
    this.registry = registry;
    this.version = version;
    this.cacheFolder = cacheFolder;
  }

  /** Runs trial {@code index}, {@code loaded}, into {@code directory} (created if needed). */
  public TrialOutcome run(int index, LoadedExperiment loaded, Path directory) {
    long start = System.nanoTime();
    try (RunDirectory run = RunDirectory.claim(directory, java.time.Clock.systemDefaultZone());
        PrintWriter log =
            new PrintWriter(
                Files.newBufferedWriter(run.path().resolve(CONSOLE_LOG), StandardCharsets.UTF_8),
                true)) {
      RunSettings settings =
          new RunSettings(
              run.path(), run.path().toString(), log, false, false, version, cacheFolder);
      run.started(loaded.experiment().name(), version, Optional.empty());
      try {
        TrainingResult result =
            Guice.createInjector(new PluginModule(registry), new RunModule(loaded, settings))
                .getInstance(ExperimentRun.class)
                .execute();
        run.completed();
        return new TrialOutcome(
            index, metrics(result), result.epochs().size(), seconds(start), Optional.empty());
      } catch (RuntimeException e) {
        String message = message(e, loaded);
        run.failed(message);
        log.println("failed: " + message);
        return TrialOutcome.failed(index, seconds(start), message);
      }
    } catch (IOException | RuntimeException e) {
      return TrialOutcome.failed(index, seconds(start), message(e, loaded));
    }
  }

  /**
   * {@code loaded} with {@code threads} kernel threads when it leaves the count to the machine
   * ({@code training.threads: 0}); results do not depend on it, but trials side by side must share
   * the cores.
   */
  public static LoadedExperiment withThreads(LoadedExperiment loaded, int threads) {
    Experiment e = loaded.experiment();
    if (e.training().threads() != 0) {
      return loaded;
    }
    Map<String, Object> training =
        new LinkedHashMap<>(e.params().get(Experiment.TRAINING).values());
    training.put(TrainingSpec.THREADS.name(), Math.max(1, threads));
    Map<String, Object> values = new LinkedHashMap<>(e.params().values());
    values.put(Experiment.TRAINING.name(), training);
    return new LoadedExperiment(
        new Experiment(e.name(), Params.resolve(Experiment.FORMAT, values)),
        loaded.source(),
        loaded.positions());
  }

  /** The last epoch's training and validation values and the test's, as {@code metrics.csv}. */
  static Map<String, Double> metrics(TrainingResult result) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!result.epochs().isEmpty()) {
      EpochResult last = result.epochs().get(result.epochs().size() - 1);
      put(out, "", last.train());
      last.validation().ifPresent(v -> put(out, "val_", v));
    }
    result.test().ifPresent(t -> put(out, "test_", t));
    return out;
  }

  private static void put(Map<String, Double> out, String prefix, Evaluation e) {
    out.put(prefix + "loss", e.loss());
    e.metrics().forEach((name, value) -> out.put(prefix + name, value.value()));
  }

  private static String message(Exception e, LoadedExperiment loaded) {
    if (e instanceof DendriteException d
        && d.configPath() != null
        && !(d instanceof ConfigException)) {
      return loaded.problemAt(d.configPath(), d.getMessage()).toString();
    }
    if (e instanceof DendriteException) {
      return e.getMessage();
    }
    return e.toString();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
