package io.dendrite.runner.output;

import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code metrics.csv} and {@code metrics.json} after every epoch and the test. The files
 * therefore always hold every completed epoch, even if the run stops.
 *
 * <p>Values are written at full double precision: the rounded figures are for the console only.
 */
public final class MetricsWriter implements TrainingListener {
  public static final String CSV = "metrics.csv";
  public static final String JSON = RunDirectory.METRICS_JSON;

  private final Path directory;
  private final List<String> metricIds;
  private final List<EpochResult> epochs = new ArrayList<>();
  private Evaluation test;

  /**
   * @param metricIds the experiment's metric ids, in order: they name the CSV columns
   */
  public MetricsWriter(Path directory, List<String> metricIds) {
    this.directory = directory;
    this.metricIds = List.copyOf(metricIds);
  }

  @Override
  public void onEpoch(EpochResult result) {
    epochs.add(result);
    write();
  }

  @Override
  public void onTest(Evaluation evaluation) {
    test = evaluation;
    write();
  }

  private void write() {
    try {
      AtomicFileWriter.write(directory.resolve(CSV), csv());
      AtomicFileWriter.write(directory.resolve(JSON), json() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to " + directory, e);
    }
  }

  /** The header and one row per epoch; validation cells are empty when there is no validation. */
  String csv() {
    StringBuilder s = new StringBuilder("epoch,train_loss");
    metricIds.forEach(m -> s.append(",train_").append(m));
    s.append(",val_loss");
    metricIds.forEach(m -> s.append(",val_").append(m));
    s.append(",seconds\n");
    for (EpochResult e : epochs) {
      s.append(e.epoch());
      cells(e.train(), s);
      if (e.validation().isPresent()) {
        cells(e.validation().get(), s);
      } else {
        s.append(",".repeat(1 + metricIds.size()));
      }
      s.append(',').append(number(e.seconds())).append('\n');
    }
    return s.toString();
  }

  private void cells(Evaluation evaluation, StringBuilder s) {
    s.append(',').append(number(evaluation.loss()));
    for (String m : metricIds) {
      Double v = evaluation.metrics().get(m);
      s.append(',').append(v == null ? "" : number(v));
    }
  }

  private static String number(double v) {
    return Double.isFinite(v)
        ? Double.toString(v)
        : Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  String json() {
    List<Object> rows = new ArrayList<>();
    for (EpochResult e : epochs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", e.epoch());
      row.put("train", evaluation(e.train()));
      row.put("validation", e.validation().map(MetricsWriter::evaluation).orElse(null));
      row.put("seconds", e.seconds());
      rows.add(row);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("epochs", rows);
    root.put("test", test == null ? null : evaluation(test));
    return JsonWriter.write(root);
  }

  private static Map<String, Object> evaluation(Evaluation e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", e.loss());
    m.putAll(e.metrics());
    return m;
  }
}
