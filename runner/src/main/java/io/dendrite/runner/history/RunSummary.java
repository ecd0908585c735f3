package io.dendrite.runner.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.DendriteException;
import io.dendrite.runner.ExperimentRun;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.output.RunDirectory;
import io.dendrite.runner.output.RunRecord;
import io.dendrite.runner.output.RunRecord.Status;
import io.dendrite.runner.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run directory says about its run, read from its files alone: for listing runs and
 * comparing them.
 *
 * @param directory the run directory
 * @param experiment the experiment's name
 * @param status where the run stands; a run recorded as running whose lock is free was killed
 * @param started when training started, as {@code run.json} says
 * @param epochs the epochs completed
 * @param seconds the time the epochs took
 * @param lastEpoch the loss and metrics of the last epoch, {@code loss}, {@code val_accuracy}...
 * @param test the test loss and metrics, empty when there was no test (yet)
 * @param settings the resolved experiment flattened to paths, {@code optimizer.learning_rate}
 * @param curves each number of the epochs ({@code loss}, {@code val_accuracy}...) in epoch order,
 *     NaN where an epoch lacks it
 */
public record RunSummary(
    Path directory,
    String experiment,
    Status status,
    String started,
    int epochs,
    double seconds,
    Map<String, Double> lastEpoch,
    Map<String, Double> test,
    Map<String, String> settings,
    Map<String, List<Double>> curves) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RunSummary {
    lastEpoch = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastEpoch));
    test = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(test));
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
  }

  /** Whether {@code dir} holds a run: it has a {@code run.json}. */
  public static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(RunRecord.FILE));
  }

  /**
   * The run in {@code dir}.
   *
   * @throws DendriteException of kind config when it is not a run directory, data when a file of it
   *     is damaged
   */
  public static RunSummary read(Path dir) {
    RunRecord record =
        RunRecord.readFrom(dir)
            .orElseThrow(
                () ->
                    DendriteException.config(
                        dir + " is not a run directory (it has no " + RunRecord.FILE + ")"));
    Status status = record.status();
    if (status == Status.RUNNING && lockIsFree(dir)) {
      status = Status.INTERRUPTED;
    }
    Map<String, Double> lastEpoch = new LinkedHashMap<>();
    Map<String, Double> test = new LinkedHashMap<>();
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    int epochs = 0;
    double seconds = 0;
    Path metrics = dir.resolve(RunDirectory.METRICS_JSON);
    if (Files.isRegularFile(metrics)) {
      Map<?, ?> root = readJson(metrics);
      if (root.get("epochs") instanceof List<?> rows && !rows.isEmpty()) {
        epochs = rows.size();
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i) instanceof Map<?, ?> r) {
            if (r.get("seconds") instanceof Number n) {
              seconds += n.doubleValue();
            }
            Map<String, Double> values = new LinkedHashMap<>();
            numbers(r.get("train"), "", values);
            numbers(r.get("validation"), "val_", values);
            int epoch = i;
            values.forEach(
                (k, v) -> {
                  List<Double> curve = curves.computeIfAbsent(k, key -> new ArrayList<>());
                  while (curve.size() < epoch) {
                    curve.add(Double.NaN);
                  }
                  curve.add(v);
                });
          }
        }
        int all = rows.size();
        curves
            .values()
            .forEach(
                c -> {
                  while (c.size() < all) {
                    c.add(Double.NaN);
                  }
                });
        if (rows.get(rows.size() - 1) instanceof Map<?, ?> last) {
          numbers(last.get("train"), "", lastEpoch);
          numbers(last.get("validation"), "val_", lastEpoch);
        }
      }
      numbers(root.get("test"), "", test);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Path resolved = dir.resolve(ExperimentRun.RESOLVED_YAML);
    if (Files.isRegularFile(resolved)) {
      flatten(new YamlTreeReader().read(resolved, resolved.toString()), settings);
    }
    return new RunSummary(
        dir,
        record.experiment(),
        status,
        record.started(),
        epochs,
        seconds,
        lastEpoch,
        test,
        settings,
        curves);
  }

  /** The test metric a run is judged by: the first one other than the loss, else the loss. */
  public Optional<Map.Entry<String, Double>> headline() {
    return test.entrySet().stream()
        .filter(e -> !e.getKey().equals("loss"))
        .findFirst()
        .or(() -> test.entrySet().stream().findFirst());
  }

  private static Map<?, ?> readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      throw DendriteException.data("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The numbers of an evaluation ({@code loss}, metrics, structured ones by their value). */
  private static void numbers(Object evaluation, String prefix, Map<String, Double> into) {
    if (!(evaluation instanceof Map<?, ?> m)) {
      return;
    }
    m.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            into.put(prefix + k, n.doubleValue());
          } else if (v instanceof Map<?, ?> structured
              && structured.get("value") instanceof Number n) {
            into.put(prefix + k, n.doubleValue());
          }
        });
  }

  /** Every scalar of {@code node} under its override path, {@code model.layers[0].units}. */
  private static void flatten(ConfigNode node, Map<String, String> into) {
    if (node instanceof ConfigMap map) {
      map.entries().forEach(e -> flatten(e.value(), into));
    } else if (node instanceof ConfigList list) {
      if (list.items().isEmpty()) {
        into.put(list.path(), "[]");
      }
      list.items().forEach(item -> flatten(item, into));
    } else if (node instanceof ConfigScalar scalar) {
      into.put(scalar.path(), scalar.value() == null ? "null" : String.valueOf(scalar.value()));
    }
  }

  /** Whether no process holds the run directory's lock: the run that said running is dead. */
  private static boolean lockIsFree(Path dir) {
    Path file = dir.resolve(RunDirectory.LOCK);
    if (!Files.exists(file)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // this process is running it
    } catch (IOException e) {
      return false;
    }
  }
}
