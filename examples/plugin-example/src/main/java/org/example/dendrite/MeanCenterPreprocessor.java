package org.example.dendrite;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.NumberType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Subtracts each feature's mean over the training examples, from every set. The means it fitted
 * become its {@code mean} parameter in the resolved experiment, which then applies them as they
 * are.
 */
public final class MeanCenterPreprocessor implements Preprocessor {
  static final Param<List<Double>> MEAN =
      Param.list(
              "mean",
              new NumberType(Range.ANY),
              List.of(),
              "the mean of each feature; fitted on the training examples when left out")
          .optional();

  /** Registers the preprocessor as {@code mean_center}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          declare("mean_center", "subtracts each feature's training mean").params(MEAN),
          params -> new MeanCenterPreprocessor(params.has(MEAN) ? params.get(MEAN) : null));
    }
  }

  private double[] mean;

  MeanCenterPreprocessor(List<Double> mean) {
    this.mean = mean == null ? null : mean.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public void fit(Examples train) {
    if (mean != null) {
      return; // given: the transformation is repeated, not learned again
    }
    Features f = train.features();
    double[] sum = new double[f.cols()];
    float[] row = new float[f.cols()];
    for (int r = 0; r < f.rows(); r++) {
      f.copyRow(r, row, 0);
      for (int c = 0; c < row.length; c++) {
        sum[c] += row[c];
      }
    }
    mean = Arrays.stream(sum).map(s -> s / Math.max(1, f.rows())).toArray();
  }

  @Override
  public Examples apply(Examples examples) {
    if (mean == null) {
      throw new IllegalStateException("mean_center: apply before fit");
    }
    if (mean.length != examples.featureCount()) {
      throw DendriteException.config(
          "mean_center: mean has "
              + mean.length
              + " values but the examples have "
              + examples.featureCount()
              + " features");
    }
    float[] scale = new float[mean.length];
    float[] shift = new float[mean.length];
    for (int c = 0; c < mean.length; c++) {
      scale[c] = 1;
      shift[c] = (float) -mean[c];
    }
    return examples.withFeatures(examples.features().mapColumns(scale, shift));
  }

  @Override
  public Map<String, Object> fitted() {
    List<Double> values = new ArrayList<>();
    for (double m : mean) {
      values.add(m);
    }
    return Map.of(MEAN.name(), values);
  }
}
