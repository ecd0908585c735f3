package io.dendrite.runner.report;

import io.dendrite.runner.history.RunSummary;
import java.awt.Color;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One self-contained HTML page comparing runs: the comparison table, and each per-epoch number
 * ({@code loss}, {@code val_accuracy}...) as a chart with one curve per run.
 */
public final class ComparisonPage {
  /** One colour per run, repeated past eight runs. */
  private static final Color[] COLOURS = {
    new Color(0x2563eb),
    new Color(0xea580c),
    new Color(0x16a34a),
    new Color(0xdc2626),
    new Color(0x7c3aed),
    new Color(0x0891b2),
    new Color(0xca8a04),
    new Color(0x4b5563)
  };

  private ComparisonPage() {}

  /**
   * The page for {@code runs}, named {@code names} in the legends, with {@code table} (the text
   * {@code compare} prints) at the top.
   */
  public static String html(List<String> names, List<RunSummary> runs, String table)
      throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>dendrite compare</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#1f2937}")
        .append("pre{background:#f3f4f6;padding:1em;overflow-x:auto}")
        .append("img{margin:0.5em}</style>\n</head>\n<body>\n<h1>Runs compared</h1>\n<pre>")
        .append(Html.escape(table))
        .append("</pre>\n<h2>Per epoch</h2>\n");
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.curves().keySet()));
    for (String key : keys) {
      XYChart chart =
          new XYChartBuilder()
              .width(ChartStyle.WIDTH)
              .height(ChartStyle.HEIGHT)
              .title(key)
              .xAxisTitle("epoch")
              .yAxisTitle(key)
              .build();
      ChartStyle.apply(chart.getStyler());
      chart.getStyler().setMarkerSize(6);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
      chart.setCustomYAxisTickLabelsFormatter(ChartStyle::tickLabel);
      boolean drawn = false;
      for (int i = 0; i < runs.size(); i++) {
        List<Double> curve = runs.get(i).curves().get(key);
        if (curve == null || curve.stream().noneMatch(Double::isFinite)) {
          continue;
        }
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        for (int e = 0; e < x.length; e++) {
          x[e] = e + 1;
          y[e] = curve.get(e);
        }
        if (x.length == 1) {
          chart.getStyler().setXAxisMin(0.0);
          chart.getStyler().setXAxisMax(2.0);
        }
        XYSeries series = chart.addSeries(names.get(i), x, y);
        Color colour = COLOURS[i % COLOURS.length];
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(SeriesMarkers.CIRCLE);
        drawn = true;
      }
      if (drawn) {
        Plot plot = ChartStyle.encode(chart, key + ".png", key);
        s.append("<img id=\"curve-")
            .append(Html.escape(key))
            .append("\" alt=\"")
            .append(Html.escape(key))
            .append("\" width=\"")
            .append(plot.width())
            .append("\" height=\"")
            .append(plot.height())
            .append("\" src=\"")
            .append(Html.pngDataUri(plot.png()))
            .append("\"/>\n");
      }
    }
    s.append("</body>\n</html>\n");
    return s.toString();
  }
}
