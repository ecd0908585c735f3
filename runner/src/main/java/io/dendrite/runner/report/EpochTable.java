package io.dendrite.runner.report;

import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every epoch's numbers as an HTML table, the rows behind the curves. */
final class EpochTable {
  private EpochTable() {}

  static String html(List<EpochResult> epochs) {
    List<String> metrics = TrainingCurves.metricNames(epochs);
    boolean validation = epochs.stream().anyMatch(e -> e.validation().isPresent());
    StringBuilder s = new StringBuilder();
    s.append("<div class=\"scroll\"><table class=\"epochs\"><thead><tr>")
        .append("<th>epoch</th><th>loss</th>");
    metrics.forEach(m -> s.append("<th>").append(Html.escape(m)).append("</th>"));
    if (validation) {
      s.append("<th>val loss</th>");
      metrics.forEach(m -> s.append("<th>val ").append(Html.escape(m)).append("</th>"));
    }
    s.append("<th>learning rate</th><th>seconds</th></tr></thead><tbody>");
    for (EpochResult e : epochs) {
      s.append("<tr><td>").append(e.epoch()).append("</td>");
      cells(Optional.of(e.train()), metrics, s);
      if (validation) {
        cells(e.validation(), metrics, s);
      }
      s.append("<td>")
          .append(Figures.number(e.learningRate()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", e.seconds()))
          .append("</td></tr>");
    }
    return s.append("</tbody></table></div>").toString();
  }

  private static void cells(
      Optional<Evaluation> evaluation, List<String> metrics, StringBuilder s) {
    s.append("<td>")
        .append(evaluation.map(v -> Figures.number(v.loss())).orElse(""))
        .append("</td>");
    for (String m : metrics) {
      s.append("<td>")
          .append(evaluation.map(v -> Figures.number(v.metric(m))).orElse(""))
          .append("</td>");
    }
  }
}
