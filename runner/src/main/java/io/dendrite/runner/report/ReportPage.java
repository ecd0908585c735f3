package io.dendrite.runner.report;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingPlan;
import io.dendrite.core.train.TrainingResult;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page: styles inline, images as {@code data:} URIs, no
 * script.
 *
 * <p>The markup is also well-formed XML (void elements closed, attributes quoted, only XML's own
 * entities), so that tests and tools can read it with any parser.
 */
final class ReportPage {
  private static final String STYLE =
      """
      :root{--text:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f5f6f8;--accent:#2563eb;\
      --warn:#c2410c}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,\
      "Segoe UI",Roboto,"DejaVu Sans",Helvetica,Arial,sans-serif}
      .wrap{max-width:1200px;margin:0 auto;padding:0 28px}
      header{background:#fff;border-bottom:1px solid var(--line);padding-top:22px}
      .kicker{margin:0;color:var(--muted);font-size:13px;letter-spacing:.06em;\
      text-transform:uppercase}
      h1{margin:2px 0 6px;font-size:28px;overflow-wrap:anywhere}
      .summary{margin:0 0 10px;color:var(--muted)}
      .stopped{margin:0 0 10px;color:var(--warn);font-weight:600}
      nav{display:flex;flex-wrap:wrap;gap:4px 18px;padding:4px 0 12px}
      nav a{color:var(--accent);text-decoration:none;font-size:14px}
      nav a:hover{text-decoration:underline}
      section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px;\
      margin:22px 0}
      h2{margin:0 0 12px;font-size:19px}
      .note{color:var(--muted);font-size:13px;margin:10px 0 0}
      code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
      .cards{display:flex;flex-wrap:wrap;gap:12px}
      .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px}
      .card .label{color:var(--muted);font-size:13px}
      .card .value{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums}
      .plots{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:16px}
      figure{margin:0}
      .plots img,.heatmap img{display:block;max-width:100%;height:auto;\
      border:1px solid var(--line);border-radius:6px}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:14px}
      th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:right;\
      white-space:nowrap}
      th{font-weight:600}
      thead th{border-bottom:2px solid var(--line)}
      .name{text-align:left}
      table.confusion td{text-align:center;min-width:44px;border:1px solid #fff}
      table.confusion .total{color:var(--muted);border:none}
      details{margin-top:14px}
      summary{cursor:pointer;color:var(--accent)}
      .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(100px,1fr));gap:14px}
      .gallery figure{text-align:center;font-size:12px;line-height:1.35}
      .gallery img{image-rendering:pixelated;border-radius:4px;background:#000}
      .gallery .predicted{color:var(--warn)}
      pre{margin:0;background:#f8fafc;border:1px solid var(--line);border-radius:6px;\
      padding:12px 14px;white-space:pre-wrap;overflow-wrap:anywhere;\
      font:13px/1.45 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
      table.provenance th{text-align:left;color:var(--muted);font-weight:500}
      table.provenance td{text-align:left;white-space:normal;overflow-wrap:anywhere}
      footer{color:var(--muted);font-size:13px;padding:0 0 40px}
      """;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

  /** Digit images are shown at least this many CSS pixels wide, in whole-pixel steps. */
  private static final int IMAGE_DISPLAY = 64;

  private final ReportContent content;
  private final TrainingResult result;
  private final TrainingPlan plan;
  private final List<String> sections = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();

  private ReportPage(ReportContent content) {
    this.content = content;
    this.result = content.result();
    this.plan = result.plan();
  }

  /** The page for {@code content}. */
  static String html(ReportContent content) {
    return new ReportPage(content).render();
  }

  private String render() {
    results();
    curves();
    confusion();
    perClass();
    misclassified();
    experiment();
    provenance();
    String name = Html.escape(content.experimentName());
    StringBuilder s = new StringBuilder(body.length() + 8192);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>")
        .append(name)
        .append(" · Dendrite report</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header><div class=\"wrap\">\n")
        .append("<p class=\"kicker\">Dendrite report</p>\n<h1 id=\"experiment-name\">")
        .append(name)
        .append("</h1>\n<p class=\"summary\">")
        .append(Html.escape(summary()))
        .append("</p>\n");
    result
        .stopReason()
        .ifPresent(
            r ->
                s.append("<p class=\"stopped\">Stopped early: ")
                    .append(Html.escape(r))
                    .append("</p>\n"));
    s.append("<nav>");
    for (int i = 0; i < sections.size(); i += 2) {
      s.append("<a href=\"#")
          .append(sections.get(i))
          .append("\">")
          .append(sections.get(i + 1))
          .append("</a>");
    }
    s.append("</nav>\n</div></header>\n<main class=\"wrap\">\n")
        .append(body)
        .append("</main>\n<footer class=\"wrap\">This page holds everything it shows. The plots")
        .append(" are also in <code>plots/</code>, every number in <code>metrics.csv</code> and")
        .append(" <code>metrics.json</code>.</footer>\n</body>\n</html>\n");
    return s.toString();
  }

  private String summary() {
    List<String> parts = new ArrayList<>();
    int epochs = result.epochs().size();
    parts.add(epochs + (epochs == 1 ? " epoch" : " epochs") + " of " + plan.epochs());
    String examples = String.format(Locale.ROOT, "%,d train", plan.trainExamples());
    if (plan.validationExamples() > 0) {
      examples += String.format(Locale.ROOT, " / %,d validation", plan.validationExamples());
    }
    if (plan.testExamples() > 0) {
      examples += String.format(Locale.ROOT, " / %,d test", plan.testExamples());
    }
    parts.add(examples + " examples");
    parts.add(plan.inputSize() + " inputs, " + plan.outputSize() + " outputs");
    parts.add(String.format(Locale.ROOT, "%,d parameters", plan.parameterCount()));
    return String.join(" · ", parts);
  }

  private void open(String id, String title) {
    sections.add(id);
    sections.add(Html.escape(title));
    body.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(Html.escape(title))
        .append("</h2>\n");
  }

  private void close() {
    body.append("</section>\n");
  }

  private void note(String html) {
    body.append("<p class=\"note\">").append(html).append("</p>\n");
  }

  private void results() {
    Optional<Evaluation> test = result.test();
    if (test.isPresent()) {
      open("results", "Test results");
      body.append("<div class=\"cards\">");
      card("loss", test.get().loss());
      test.get().metrics().forEach((name, value) -> card(name, value.value()));
      body.append("</div>\n");
      String on = String.format(Locale.ROOT, "On %,d test examples", test.get().examples());
      content
          .predictions()
          .ifPresent(
              p -> note(String.format(Locale.ROOT, "%s; %,d misclassified.", on, p.errors())));
      if (content.predictions().isEmpty()) {
        note(on + ".");
      }
    } else if (!result.epochs().isEmpty()) {
      EpochResult last = result.epochs().get(result.epochs().size() - 1);
      open("results", "Results of the last epoch");
      body.append("<div class=\"cards\">");
      card("train loss", last.train().loss());
      last.validation().ifPresent(v -> card("validation loss", v.loss()));
      last.train().metrics().forEach((name, value) -> card("train " + name, value.value()));
      last.validation()
          .ifPresent(
              v -> v.metrics().forEach((name, value) -> card("validation " + name, value.value())));
      body.append("</div>\n");
      note("The experiment has no test set (<code>data.test</code>); epoch " + last.epoch() + ".");
    } else {
      return;
    }
    close();
  }

  private void card(String label, double value) {
    body.append("<div class=\"card\"><div class=\"label\">")
        .append(Html.escape(label))
        .append("</div><div class=\"value\">")
        .append(Figures.number(value))
        .append("</div></div>");
  }

  private void curves() {
    if (content.curves().isEmpty()) {
      return;
    }
    open("curves", "Training curves");
    body.append("<div class=\"plots\">\n");
    for (Plot plot : content.curves()) {
      body.append("<figure>");
      image(plot, "plot-" + plot.fileName().replaceFirst("\\.png$", ""));
      body.append("</figure>\n");
    }
    body.append("</div>\n");
    note(
        "Train values are measured on each epoch's batches while the network learns; validation"
            + " values on the held-out examples after the epoch.");
    body.append("<details><summary>Every epoch</summary>\n")
        .append(EpochTable.html(result.epochs()))
        .append("</details>\n");
    close();
  }

  private void image(Plot plot, String id) {
    body.append("<img id=\"")
        .append(Html.escape(id))
        .append("\" src=\"")
        .append(Html.pngDataUri(plot.png()))
        .append("\" width=\"")
        .append(plot.width())
        .append("\" height=\"")
        .append(plot.height())
        .append("\" alt=\"")
        .append(Html.escape(plot.title()))
        .append("\"/>");
  }

  private boolean testedClassification() {
    return result.test().isPresent() && !plan.classNames().isEmpty();
  }

  private void confusion() {
    Optional<ConfusionMatrix> matrix = content.confusion();
    if (matrix.isEmpty()) {
      if (testedClassification()) {
        open("confusion", "Confusion matrix");
        note(
            "No metric measured one: add <code>confusion_matrix</code> to the experiment's"
                + " <code>metrics</code> to see which classes are taken for which.");
        close();
      }
      return;
    }
    open("confusion", "Confusion matrix");
    if (matrix.get().size() <= ConfusionTable.MAX_CLASSES) {
      body.append(ConfusionTable.html(matrix.get())).append('\n');
      note(
          "Rows are true classes, columns predicted ones, on the test examples; a cell's shade is"
              + " its share of the row. "
              + source(matrix.get())
              + "; drawn also as <code>plots/"
              + ConfusionMatrixPlot.FILE
              + "</code>.");
    } else {
      content
          .confusionPlot()
          .ifPresent(
              plot -> {
                body.append("<figure class=\"heatmap\">");
                image(plot, "confusion-matrix");
                body.append("</figure>\n");
              });
      note(
          "Rows are true classes, columns predicted ones, on the test examples. "
              + source(matrix.get())
              + (matrix.get().measured() ? "; the counts are in <code>metrics.json</code>." : "."));
    }
    close();
  }

  private void perClass() {
    if (result.test().isEmpty()) {
      return;
    }
    List<Map.Entry<String, MetricValue>> metrics = new ArrayList<>();
    int classes = 0;
    for (Map.Entry<String, MetricValue> m : result.test().get().metrics().entrySet()) {
      if (!m.getValue().perClass().isEmpty()) {
        metrics.add(m);
        classes = Math.max(classes, m.getValue().perClass().size());
      }
    }
    if (metrics.isEmpty()) {
      if (testedClassification()) {
        open("per-class", "Per class");
        note(
            "No metric has per-class values: add <code>precision</code>, <code>recall</code> or"
                + " <code>f1</code> to the experiment's <code>metrics</code>.");
        close();
      }
      return;
    }
    List<String> labels = ConfusionMatrix.labels(plan.classNames(), classes);
    Optional<long[]> support = content.predictions().map(p -> p.support(labels.size()));
    open("per-class", "Per class");
    body.append(PerClassTable.html(metrics, labels, support)).append('\n');
    note("On the test examples; each metric's headline is in the test results above.");
    close();
  }

  private void misclassified() {
    if (content.predictions().isEmpty() || content.misclassified().isEmpty()) {
      return;
    }
    int errors = content.predictions().get().errors();
    open("misclassified", "Misclassified test images");
    body.append("<div class=\"gallery\">\n");
    for (MisclassifiedImage m : content.misclassified()) {
      int shown = m.side() * Math.max(1, IMAGE_DISPLAY / m.side());
      String alt =
          "test example " + m.row() + ": true " + m.truth() + ", predicted " + m.predicted();
      body.append("<figure><img src=\"")
          .append(Html.pngDataUri(m.png()))
          .append("\" width=\"")
          .append(shown)
          .append("\" height=\"")
          .append(shown)
          .append("\" alt=\"")
          .append(Html.escape(alt))
          .append("\" title=\"")
          .append(Html.escape(alt))
          .append("\"/><figcaption>true <b>")
          .append(Html.escape(m.truth()))
          .append("</b><br/><span class=\"predicted\">predicted <b>")
          .append(Html.escape(m.predicted()))
          .append("</b></span></figcaption></figure>\n");
    }
    body.append("</div>\n");
    note(
        String.format(
            Locale.ROOT,
            "The first %d of the %,d test examples the network gets wrong, in test-set order.",
            content.misclassified().size(),
            errors));
    close();
  }

  private void experiment() {
    open("experiment", "Experiment");
    if (content.experimentText().isPresent()) {
      body.append("<pre id=\"resolved-experiment\">")
          .append(Html.escape(content.experimentText().get()))
          .append("</pre>\n");
      note(
          "<code>"
              + Html.escape(content.experimentFile())
              + "</code>: the experiment with every default filled in; <code>dendrite run</code>"
              + " on it repeats the run.");
    } else {
      note("<code>" + Html.escape(content.experimentFile()) + "</code> could not be read.");
    }
    close();
  }

  private void provenance() {
    if (content.provenance().isEmpty()) {
      return;
    }
    open("provenance", "Provenance");
    body.append("<table class=\"provenance\" id=\"provenance-table\"><tbody>");
    content
        .provenance()
        .forEach(
            (key, value) ->
                body.append("<tr><th>")
                    .append(Html.escape(key))
                    .append("</th><td>")
                    .append(Html.escape(shown(value)))
                    .append("</td></tr>"));
    body.append("</tbody></table>\n");
    close();
  }

  /** A provenance value as text: durations and times for people, numbers rounded. */
  static String shown(Object value) {
    if (value instanceof Duration d) {
      return Figures.duration(d);
    }
    if (value instanceof TemporalAccessor t
        && t.isSupported(ChronoField.OFFSET_SECONDS)
        && t.isSupported(ChronoField.SECOND_OF_MINUTE)) {
      return DATE_TIME.format(t);
    }
    if (value instanceof Double || value instanceof Float) {
      return Figures.number(((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  /** Where the matrix comes from, for the note under it. */
  private static String source(ConfusionMatrix matrix) {
    return matrix.measured()
        ? "Metric <code>" + Html.escape(matrix.metric()) + "</code>"
        : "Counted from the network's test predictions (no metric measured it)";
  }
}
