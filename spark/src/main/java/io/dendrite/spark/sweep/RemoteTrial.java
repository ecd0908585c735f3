package io.dendrite.spark.sweep;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.PlainExperimentReader;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.Position;
import io.dendrite.runner.sweep.TrialOutcome;
import io.dendrite.runner.sweep.TrialRunner;
import io.dendrite.runner.validate.ConfigPositions;
import io.dendrite.runner.validate.ExperimentSource;
import io.dendrite.runner.validate.LoadedExperiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs one trial on an executor through the {@link TrialRunner} a local sweep uses, into a
 * temporary folder whose files go back to the driver: the executor's disk need not be the driver's.
 */
final class RemoteTrial implements Function<ShippedTrial, ShippedOutcome> {
  private static final long serialVersionUID = 1L;

  @Override
  public ShippedOutcome call(ShippedTrial trial) throws IOException {
    PluginRegistry registry = PluginRegistry.discover(RemoteTrial.class.getClassLoader());
    Experiment experiment =
        new PlainExperimentReader(registry, trial.displayName()).read(trial.experiment());
    LoadedExperiment loaded =
        new LoadedExperiment(
            experiment,
            new ExperimentSource(Path.of(trial.file()), trial.displayName(), trial.overrides()),
            ConfigPositions.of(
                new ConfigMap(Position.file(trial.displayName()), "", List.of()),
                trial.displayName()));
    TaskContext task = TaskContext.get();
    int threads = task == null ? 1 : task.cpus();
    Path temp = Files.createTempDirectory("dendrite-trial");
    try {
      Path dir = temp.resolve(trial.folderName());
      TrialOutcome o =
          new TrialRunner(registry, trial.version(), Path.of(trial.cacheFolder()))
              .run(trial.index(), TrialRunner.withThreads(loaded, threads), dir);
      return new ShippedOutcome(
          o.index(),
          new LinkedHashMap<>(o.metrics()),
          o.epochs(),
          o.seconds(),
          o.error().orElse(null),
          files(dir));
    } finally {
      delete(temp);
    }
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static void delete(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
