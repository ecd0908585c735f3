package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import java.util.ArrayList;
import java.util.List;

/** Per-column statistics of features, in doubles, read a row at a time (nothing is copied). */
final class ColumnStatistics {
  private ColumnStatistics() {}

  /** The mean of each column. */
  static double[] mean(Features x) {
    double[] sum = new double[x.cols()];
    float[] row = new float[x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      x.copyRow(r, row, 0);
      for (int j = 0; j < row.length; j++) {
        sum[j] += row[j];
      }
    }
    for (int j = 0; j < sum.length; j++) {
      sum[j] /= Math.max(1, x.rows());
    }
    return sum;
  }

  /** The population standard deviation of each column around {@code mean} (as scikit-learn). */
  static double[] std(Features x, double[] mean) {
    double[] sum = new double[x.cols()];
    float[] row = new float[x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      x.copyRow(r, row, 0);
      for (int j = 0; j < row.length; j++) {
        double d = row[j] - mean[j];
        sum[j] += d * d;
      }
    }
    for (int j = 0; j < sum.length; j++) {
      sum[j] = Math.sqrt(sum[j] / Math.max(1, x.rows()));
    }
    return sum;
  }

  /** {@code [min, max]} of each column. */
  static double[][] range(Features x) {
    double[] min = new double[x.cols()];
    double[] max = new double[x.cols()];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    float[] row = new float[x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      x.copyRow(r, row, 0);
      for (int j = 0; j < row.length; j++) {
        min[j] = Math.min(min[j], row[j]);
        max[j] = Math.max(max[j], row[j]);
      }
    }
    return new double[][] {min, max};
  }

  /** {@code values} as plain data for {@code fitted()}: a list of numbers. */
  static List<Double> list(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  /** {@code values} as an array, checked to have one value per feature of {@code examples}. */
  static double[] perFeature(
      List<Double> values, String preprocessor, String param, Examples examples) {
    requireWidth(values.size(), preprocessor, param, examples);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** Fails unless {@code size} values fit the features of {@code examples}. */
  static void requireWidth(int size, String preprocessor, String param, Examples examples) {
    if (size != examples.featureCount()) {
      throw DendriteException.config(
          preprocessor
              + ": "
              + param
              + " has "
              + size
              + (size == 1 ? " value" : " values")
              + " but the examples of "
              + examples.source()
              + " have "
              + examples.featureCount()
              + " features; give one value per feature, or leave "
              + param
              + " out to fit it on the training split");
    }
  }

  /** Fails when {@link io.dendrite.core.spi.Preprocessor#fit} has not given the values yet. */
  static IllegalStateException notFitted(String preprocessor) {
    return new IllegalStateException(
        preprocessor + ": apply called before fit (and its values were not given)");
  }
}
