package io.dendrite.runner.report;

import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The curves of a run, one value per epoch: the loss, each metric's headline, the learning rate.
 */
final class TrainingCurves {
  static final String LOSS = "loss.png";
  static final String LEARNING_RATE = "learning_rate.png";

  private TrainingCurves() {}

  /**
   * The charts of {@code epochs}, in the order the page shows them. A metric's file is its name
   * ({@code accuracy.png}), or {@code metric_<name>.png} when the name is one of the report's own
   * files ({@code loss}, {@code learning_rate}, {@code confusion_matrix}).
   */
  static List<Plot> draw(List<EpochResult> epochs) throws IOException {
    List<Plot> plots = new ArrayList<>();
    if (epochs.isEmpty()) {
      return plots;
    }
    Set<String> taken = new HashSet<>(Set.of(LOSS, LEARNING_RATE, ConfusionMatrixPlot.FILE));
    add(plots, lossChart(epochs));
    for (String metric : metricNames(epochs)) {
      String file = fileName(metric, taken);
      taken.add(file);
      add(
          plots,
          chart(
              file,
              metric,
              metric,
              epochs,
              e -> e.train().metric(metric),
              e -> e.validation().map(v -> v.metric(metric)).orElse(Double.NaN)));
    }
    add(
        plots,
        chart(LEARNING_RATE, "Learning rate", "learning rate", epochs, EpochResult::learningRate));
    return plots;
  }

  private static void add(List<Plot> plots, Optional<Plot> plot) {
    plot.ifPresent(plots::add);
  }

  private static Optional<Plot> lossChart(List<EpochResult> epochs) throws IOException {
    return chart(
        LOSS,
        "Loss",
        "loss",
        epochs,
        e -> e.train().loss(),
        e -> e.validation().map(Evaluation::loss).orElse(Double.NaN));
  }

  /** The metric names of the epochs, in the order the experiment lists them. */
  static List<String> metricNames(List<EpochResult> epochs) {
    Set<String> names = new LinkedHashSet<>();
    for (EpochResult e : epochs) {
      names.addAll(e.train().metrics().keySet());
      e.validation().ifPresent(v -> names.addAll(v.metrics().keySet()));
    }
    return List.copyOf(names);
  }

  static String fileName(String metric, Set<String> taken) {
    String file = metric + ".png";
    if (!taken.contains(file)) {
      return file;
    }
    file = "metric_" + metric + ".png";
    for (int i = 2; taken.contains(file); i++) {
      file = "metric_" + metric + "_" + i + ".png";
    }
    return file;
  }

  /** Train and validation curves, or empty when neither has a finite value to draw. */
  private static Optional<Plot> chart(
      String file,
      String title,
      String yTitle,
      List<EpochResult> epochs,
      ToDoubleFunction<EpochResult> train,
      ToDoubleFunction<EpochResult> validation)
      throws IOException {
    XYChart chart = lineChart(title, yTitle, epochs);
    double[] x = epochNumbers(epochs);
    boolean drawn = series(chart, "train", x, values(epochs, train), ChartStyle.TRAIN);
    drawn |= series(chart, "validation", x, values(epochs, validation), ChartStyle.VALIDATION);
    if (!drawn) {
      return Optional.empty();
    }
    fitYAxis(chart, values(epochs, train), values(epochs, validation));
    return Optional.of(ChartStyle.encode(chart, file, title));
  }

  /** One curve without a legend. */
  private static Optional<Plot> chart(
      String file,
      String title,
      String yTitle,
      List<EpochResult> epochs,
      ToDoubleFunction<EpochResult> value)
      throws IOException {
    XYChart chart = lineChart(title, yTitle, epochs);
    double[] y = values(epochs, value);
    if (!series(chart, yTitle, epochNumbers(epochs), y, ChartStyle.TRAIN)) {
      return Optional.empty();
    }
    chart.getStyler().setLegendVisible(false);
    fitYAxis(chart, y);
    return Optional.of(ChartStyle.encode(chart, file, title));
  }

  private static XYChart lineChart(String title, String yTitle, List<EpochResult> epochs) {
    XYChart chart =
        new XYChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yTitle)
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setMarkerSize(6);
    // Below the plot, the legend never hides a curve, rising or falling.
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.setCustomYAxisTickLabelsFormatter(ChartStyle::tickLabel);
    // Epochs are whole numbers: ticks between them would repeat a label.
    chart.setCustomXAxisTickLabelsFormatter(
        x -> Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : "");
    int first = epochs.get(0).epoch();
    int last = epochs.get(epochs.size() - 1).epoch();
    if (first == last) {
      // A single epoch is one point: give it room instead of a zero-width axis.
      chart.getStyler().setXAxisMin(first - 1.0);
      chart.getStyler().setXAxisMax(last + 1.0);
    }
    return chart;
  }

  private static boolean series(XYChart chart, String name, double[] x, double[] y, Color color) {
    boolean any = false;
    for (double v : y) {
      any |= Double.isFinite(v);
    }
    if (!any) {
      return false;
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(SeriesMarkers.CIRCLE);
    return true;
  }

  /** Pads a flat curve (a constant learning rate) so that its axis has a range to draw ticks in. */
  private static void fitYAxis(XYChart chart, double[]... curves) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] curve : curves) {
      for (double v : curve) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      chart.getStyler().setYAxisMin(min - pad);
      chart.getStyler().setYAxisMax(max + pad);
    }
  }

  private static double[] epochNumbers(List<EpochResult> epochs) {
    double[] x = new double[epochs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = epochs.get(i).epoch();
    }
    return x;
  }

  /** The values of every epoch; infinities become gaps, as NaN, which the chart skips. */
  private static double[] values(List<EpochResult> epochs, ToDoubleFunction<EpochResult> value) {
    double[] y = new double[epochs.size()];
    for (int i = 0; i < y.length; i++) {
      double v = value.applyAsDouble(epochs.get(i));
      y[i] = Double.isFinite(v) ? v : Double.NaN;
    }
    return y;
  }
}
