package io.dendrite.runner.output;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code metrics.csv} and {@code metrics.json} after every epoch and the test. The files
 * therefore always hold every completed epoch, even if the run stops.
 *
 * <p>The CSV holds each metric's headline number, one column per metric name; the JSON holds
 * everything, with per-class values keyed by the data's class names. Values are written at full
 * double precision: the rounded figures are for the console only.
 */
public final class MetricsWriter implements TrainingListener {
  public static final String CSV = "metrics.csv";
  public static final String JSON = RunDirectory.METRICS_JSON;

  private final Path directory;
  private final List<String> metricNames;
  private final List<EpochResult> epochs = new ArrayList<>();
  private List<String> classNames = List.of();
  private Evaluation test;

  /**
   * @param metricNames the experiment's metric names, in order: they name the CSV columns
   */
  public MetricsWriter(Path directory, List<String> metricNames) {
    this.directory = directory;
    this.metricNames = List.copyOf(metricNames);
  }

  @Inject
  MetricsWriter(RunSettings settings, Experiment experiment) {
    this(settings.directory(), experiment.metrics().stream().map(ComponentSpec::name).toList());
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    classNames = plan.classNames();
  }

  /** A resumed run's files hold the epochs before the checkpoint too. */
  @Override
  public void onResume(TrainingContext context, List<EpochResult> done) {
    epochs.clear();
    epochs.addAll(done);
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    onEpoch(result);
  }

  void onEpoch(EpochResult result) {
    epochs.add(result);
    write();
  }

  @Override
  public void onTest(TrainingContext context, Evaluation evaluation) {
    onTest(evaluation);
  }

  void onTest(Evaluation evaluation) {
    test = evaluation;
    write();
  }

  /** Uses {@code names} for per-class values, as the data names its classes. */
  void classNames(List<String> names) {
    classNames = List.copyOf(names);
  }

  private void write() {
    Path file = directory.resolve(CSV);
    try {
      AtomicFileWriter.write(file, csv());
      file = directory.resolve(JSON);
      AtomicFileWriter.write(file, json() + "\n");
    } catch (IOException e) {
      throw DendriteException.data("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The header and one row per epoch; validation cells are empty when there is no validation. */
  String csv() {
    StringBuilder s = new StringBuilder("epoch,train_loss");
    metricNames.forEach(m -> s.append(",train_").append(m));
    s.append(",val_loss");
    metricNames.forEach(m -> s.append(",val_").append(m));
    s.append(",learning_rate,seconds\n");
    for (EpochResult e : epochs) {
      s.append(e.epoch());
      cells(e.train(), s);
      if (e.validation().isPresent()) {
        cells(e.validation().get(), s);
      } else {
        s.append(",".repeat(1 + metricNames.size()));
      }
      s.append(',').append(number(e.learningRate()));
      s.append(',').append(number(e.seconds())).append('\n');
    }
    return s.toString();
  }

  private void cells(Evaluation evaluation, StringBuilder s) {
    s.append(',').append(number(evaluation.loss()));
    for (String m : metricNames) {
      MetricValue v = evaluation.metrics().get(m);
      s.append(',').append(v == null ? "" : number(v.value()));
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
      row.put("validation", e.validation().map(this::evaluation).orElse(null));
      row.put("seconds", e.seconds());
      row.put("steps", e.steps());
      row.put("learning_rate", e.learningRate());
      rows.add(row);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("epochs", rows);
    root.put("test", test == null ? null : evaluation(test));
    return JsonWriter.write(root);
  }

  private Map<String, Object> evaluation(Evaluation e) {
    return evaluation(e, classNames);
  }

  /**
   * {@code e} as plain data for JSON, as {@code metrics.json} holds it: the loss, and each metric's
   * number or, for a structured one, an object with its per-class values keyed by {@code
   * classNames}.
   */
  public static Map<String, Object> evaluation(Evaluation e, List<String> classNames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", e.loss());
    e.metrics().forEach((name, value) -> m.put(name, metric(value, classNames)));
    return m;
  }

  /** A plain number, or for a structured value an object with its parts. */
  private static Object metric(MetricValue v, List<String> classNames) {
    if (!v.isStructured()) {
      return v.value();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", v.value());
    if (!v.perClass().isEmpty()) {
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (int i = 0; i < v.perClass().size(); i++) {
        perClass.put(
            i < classNames.size() ? classNames.get(i) : Integer.toString(i), v.perClass().get(i));
      }
      m.put("per_class", perClass);
    }
    if (!v.matrix().isEmpty()) {
      m.put("matrix", v.matrix());
      if (classNames.size() == v.matrix().size()) {
        m.put("labels", classNames);
      }
    }
    return m;
  }
}
