package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.NumberType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;
import java.util.List;
import java.util.Map;

/**
 * Min-max scaling: each feature mapped linearly so that the training split's smallest value becomes
 * 0 and its largest 1 (other splits may fall outside).
 */
public final class MinMaxPreprocessor implements Preprocessor {
  static final Param<List<Double>> MIN =
      Param.list(
              "min",
              new NumberType(Range.ANY),
              List.of(),
              "value of each feature that becomes 0; fitted on the training split when left out")
          .optional();
  static final Param<List<Double>> MAX =
      Param.list(
              "max",
              new NumberType(Range.ANY),
              List.of(),
              "value of each feature that becomes 1; fitted on the training split when left out")
          .optional();

  /** Registers the preprocessor as {@code min_max}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          declare("min_max", "(x - min) / (max - min) per feature: the training split to [0, 1]")
              .aliases("min_max_scaler")
              .params(MIN, MAX),
          params ->
              new MinMaxPreprocessor(
                  params.has(MIN) ? params.get(MIN) : null,
                  params.has(MAX) ? params.get(MAX) : null));
    }
  }

  private final List<Double> givenMin;
  private final List<Double> givenMax;
  private double[] min;
  private double[] max;

  MinMaxPreprocessor(List<Double> min, List<Double> max) {
    this.givenMin = min;
    this.givenMax = max;
  }

  @Override
  public void fit(Examples train) {
    double[][] range =
        givenMin != null && givenMax != null ? null : ColumnStatistics.range(train.features());
    min =
        givenMin != null
            ? ColumnStatistics.perFeature(givenMin, "min_max", "min", train)
            : range[0];
    max =
        givenMax != null
            ? ColumnStatistics.perFeature(givenMax, "min_max", "max", train)
            : range[1];
  }

  @Override
  public Examples apply(Examples examples) {
    if (min == null) {
      if (givenMin == null || givenMax == null) {
        throw ColumnStatistics.notFitted("min_max");
      }
      fit(examples);
    }
    ColumnStatistics.requireWidth(min.length, "min_max", "min", examples);
    float[] scale = new float[min.length];
    float[] shift = new float[min.length];
    for (int j = 0; j < min.length; j++) {
      // A constant column maps to 0, not to a division by zero.
      double span = max[j] - min[j];
      double s = span == 0 ? 1 : 1 / span;
      scale[j] = (float) s;
      shift[j] = (float) (-min[j] * s);
    }
    return examples.withFeatures(examples.features().mapColumns(scale, shift));
  }

  @Override
  public Map<String, Object> fitted() {
    return min == null
        ? Map.of()
        : Map.of(MIN.name(), ColumnStatistics.list(min), MAX.name(), ColumnStatistics.list(max));
  }
}
