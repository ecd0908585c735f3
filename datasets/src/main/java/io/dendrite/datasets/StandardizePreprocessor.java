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
 * Standardization: each feature shifted by its mean and divided by its standard deviation, both
 * learned from the training split unless given.
 */
public final class StandardizePreprocessor implements Preprocessor {
  static final Param<List<Double>> MEAN =
      Param.list(
              "mean",
              new NumberType(Range.ANY),
              List.of(),
              "mean of each feature; fitted on the training split when left out")
          .optional();
  static final Param<List<Double>> STD =
      Param.list(
              "std",
              new NumberType(Range.ANY.withMin(0, true)),
              List.of(),
              "standard deviation of each feature (0 is taken as 1); fitted when left out")
          .optional();

  /** Registers the preprocessor as {@code standardize}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          declare("standardize", "(x - mean) / std per feature, fitted on the training split")
              .aliases("standard_scaler")
              .params(MEAN, STD),
          params ->
              new StandardizePreprocessor(
                  params.has(MEAN) ? params.get(MEAN) : null,
                  params.has(STD) ? params.get(STD) : null));
    }
  }

  private final List<Double> givenMean;
  private final List<Double> givenStd;
  private double[] mean;
  private double[] std;

  StandardizePreprocessor(List<Double> mean, List<Double> std) {
    this.givenMean = mean;
    this.givenStd = std;
  }

  @Override
  public void fit(Examples train) {
    mean =
        givenMean != null
            ? ColumnStatistics.perFeature(givenMean, "standardize", "mean", train)
            : ColumnStatistics.mean(train.features());
    std =
        givenStd != null
            ? ColumnStatistics.perFeature(givenStd, "standardize", "std", train)
            : ColumnStatistics.std(train.features(), mean);
  }

  @Override
  public Examples apply(Examples examples) {
    if (mean == null) {
      if (givenMean == null || givenStd == null) {
        throw ColumnStatistics.notFitted("standardize");
      }
      fit(examples);
    }
    ColumnStatistics.requireWidth(mean.length, "standardize", "mean", examples);
    float[] scale = new float[mean.length];
    float[] shift = new float[mean.length];
    for (int j = 0; j < mean.length; j++) {
      // A constant column has nothing to scale; dividing by 1 keeps it at 0 instead of NaN.
      double s = std[j] == 0 ? 1 : std[j];
      scale[j] = (float) (1 / s);
      shift[j] = (float) (-mean[j] / s);
    }
    return examples.withFeatures(examples.features().mapColumns(scale, shift));
  }

  @Override
  public Map<String, Object> fitted() {
    return mean == null
        ? Map.of()
        : Map.of(MEAN.name(), ColumnStatistics.list(mean), STD.name(), ColumnStatistics.list(std));
  }
}
