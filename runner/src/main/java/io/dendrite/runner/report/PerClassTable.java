package io.dendrite.runner.report;

import io.dendrite.core.spi.MetricValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics with a value per class as an HTML table: one row per class, one column per metric.
 */
final class PerClassTable {
  private PerClassTable() {}

  /**
   * @param metrics the metrics, by name, that have per-class values
   * @param labels the name of each class
   * @param support the test examples of each class, when known
   */
  static String html(
      List<Map.Entry<String, MetricValue>> metrics, List<String> labels, Optional<long[]> support) {
    StringBuilder s = new StringBuilder();
    s.append("<div class=\"scroll\"><table class=\"per-class\" id=\"per-class-metrics\">")
        .append("<thead><tr><th class=\"name\">class</th>");
    if (support.isPresent()) {
      s.append("<th>examples</th>");
    }
    metrics.forEach(m -> s.append("<th>").append(Html.escape(m.getKey())).append("</th>"));
    s.append("</tr></thead><tbody>");
    for (int c = 0; c < labels.size(); c++) {
      s.append("<tr><th class=\"name\">").append(Html.escape(labels.get(c))).append("</th>");
      if (support.isPresent()) {
        s.append("<td>").append(c < support.get().length ? support.get()[c] : 0).append("</td>");
      }
      for (Map.Entry<String, MetricValue> m : metrics) {
        List<Double> values = m.getValue().perClass();
        s.append("<td>")
            .append(c < values.size() ? Figures.number(values.get(c)) : "")
            .append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</tbody></table></div>").toString();
  }
}
