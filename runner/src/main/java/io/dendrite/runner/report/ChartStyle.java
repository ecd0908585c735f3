package io.dendrite.runner.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** The look every chart of the report shares: white, quiet grid lines, one font, PNG output. */
final class ChartStyle {
  /** Curves side by side fill a laptop screen in two columns at this size. */
  static final int WIDTH = 640;

  static final int HEIGHT = 400;

  static final Color TEXT = new Color(0x1f2937);
  static final Color GRID = new Color(0xe5e7eb);

  /** The colour of train curves; the report's tables use the same blue. */
  static final Color TRAIN = new Color(0x2563eb);

  static final Color VALIDATION = new Color(0xea580c);

  private ChartStyle() {}

  /** Applies the shared look to {@code styler}. */
  static void apply(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(GRID);
    styler.setChartFontColor(TEXT);
    styler.setAxisTickLabelsColor(TEXT);
    styler.setAxisTickMarksColor(GRID);
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendBorderColor(GRID);
    styler.setAntiAlias(true);
    styler.setChartPadding(12);
  }

  /**
   * A value tick's label: the tick's number without the float noise of its computation ({@code
   * 0.30000000000000004}) or a leading dot ({@code .001}).
   */
  static String tickLabel(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    double a = Math.abs(v);
    return a == 0 ? "0" : a >= 1e-6 && a < 1e7 ? d.toPlainString() : d.toString();
  }

  /** {@code chart} drawn as a PNG saved as {@code fileName}. */
  static Plot encode(Chart<?, ?> chart, String fileName, String title) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    return new Plot(fileName, title, png, chart.getWidth(), chart.getHeight());
  }
}
