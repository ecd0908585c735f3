package io.dendrite.runner.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;

/** A confusion matrix drawn as a heat map, each cell annotated with its count when they fit. */
final class ConfusionMatrixPlot {
  static final String FILE = "confusion_matrix.png";

  /** Past this many classes the counts no longer fit in their cells. */
  private static final int ANNOTATED_CLASSES = 20;

  private ConfusionMatrixPlot() {}

  static Plot draw(ConfusionMatrix matrix) throws IOException {
    int n = matrix.size();
    int side = Math.max(480, Math.min(960, 200 + 44 * n));
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(side)
            .height(side)
            .title("Confusion matrix (" + matrix.metric() + ")")
            .xAxisTitle("predicted class")
            .yAxisTitle("true class")
            .build();
    HeatMapStyler styler = chart.getStyler();
    ChartStyle.apply(styler);
    styler.setPlotGridLinesVisible(false);
    styler.setRangeColors(
        new Color[] {Color.WHITE, new Color(0xbfdbfe), new Color(0x60a5fa), new Color(0x2563eb)});
    boolean annotated = n <= ANNOTATED_CLASSES;
    styler.setShowValue(annotated);
    styler.setHeatMapValueDecimalPattern("#");
    styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, n <= 10 ? 13 : 10));
    styler.setValueFontColor(ChartStyle.TEXT);
    // The counts say it all when they are shown; otherwise the colour bar gives the scale.
    styler.setLegendVisible(!annotated);
    styler.setLegendPosition(HeatMapStyler.LegendPosition.OutsideE);
    styler.setXAxisLabelRotation(n > 10 ? 90 : 0);

    // The chart puts y = 0 at the bottom: true classes are listed top to bottom as in the table.
    List<String> x = matrix.labels();
    List<String> y = new ArrayList<>(x.size());
    for (int i = n - 1; i >= 0; i--) {
      y.add(x.get(i));
    }
    List<Number[]> cells = new ArrayList<>(n * n);
    for (int truth = 0; truth < n; truth++) {
      for (int predicted = 0; predicted < n; predicted++) {
        cells.add(new Number[] {predicted, n - 1 - truth, matrix.count(truth, predicted)});
      }
    }
    HeatMapSeries series = chart.addSeries("counts", x, y, cells);
    // The series' own range starts at Double.MIN_VALUE: give the true one, never empty.
    series.setMin(0);
    series.setMax(Math.max(1, matrix.max()));
    return ChartStyle.encode(chart, FILE, "Confusion matrix");
  }
}
