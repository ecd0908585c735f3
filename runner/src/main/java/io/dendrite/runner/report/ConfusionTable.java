package io.dendrite.runner.report;

import java.util.Locale;

/**
 * A confusion matrix as an HTML table: true classes down, predicted classes across, each cell
 * shaded by its share of the row, correct ones in blue and mistakes in orange.
 */
final class ConfusionTable {
  /** Past this many classes a table no longer fits a screen; the page shows the heat map. */
  static final int MAX_CLASSES = 30;

  private ConfusionTable() {}

  static String html(ConfusionMatrix matrix) {
    int n = matrix.size();
    StringBuilder s = new StringBuilder();
    s.append("<div class=\"scroll\"><table class=\"confusion\" id=\"confusion-matrix\">");
    s.append("<thead><tr><th class=\"name\">true \\ predicted</th>");
    for (String label : matrix.labels()) {
      s.append("<th>").append(Html.escape(label)).append("</th>");
    }
    s.append("<th class=\"total\">examples</th></tr></thead><tbody>");
    for (int truth = 0; truth < n; truth++) {
      double total = matrix.rowTotal(truth);
      String name = matrix.labels().get(truth);
      s.append("<tr><th class=\"name\">").append(Html.escape(name)).append("</th>");
      for (int predicted = 0; predicted < n; predicted++) {
        double count = matrix.count(truth, predicted);
        double share = total > 0 ? count / total : 0;
        s.append("<td style=\"")
            .append(shade(share, truth == predicted))
            .append("\" title=\"")
            .append(
                Html.escape(
                    "true "
                        + name
                        + ", predicted "
                        + matrix.labels().get(predicted)
                        + ": "
                        + Figures.count(count)
                        + " ("
                        + Figures.percent(share)
                        + " of the class)"))
            .append("\">")
            .append(Figures.count(count))
            .append("</td>");
      }
      s.append("<td class=\"total\">").append(Figures.count(total)).append("</td></tr>");
    }
    return s.append("</tbody></table></div>").toString();
  }

  /**
   * The cell's colours. The square root of the share makes the few mistakes of a good model still
   * visible next to a full diagonal.
   */
  private static String shade(double share, boolean correct) {
    double alpha = Math.sqrt(Math.max(0, Math.min(1, share)));
    String rgb = correct ? "37,99,235" : "234,88,12";
    String text = alpha > 0.6 ? "color:#fff;" : share == 0 ? "color:#9ca3af;" : "";
    return String.format(Locale.ROOT, "%sbackground:rgba(%s,%.3f)", text, rgb, alpha);
  }
}
