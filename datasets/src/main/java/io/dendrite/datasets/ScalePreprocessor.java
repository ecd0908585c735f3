package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;
import java.util.Arrays;

/** Every feature multiplied by one factor: {@code 1/255} for raw pixels, say. Nothing to fit. */
public final class ScalePreprocessor implements Preprocessor {
  static final Param<Double> FACTOR =
      Param.number("factor", 1.0, "what every feature is multiplied by").required();

  /** Registers the preprocessor as {@code scale}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          declare("scale", "every feature multiplied by a factor").params(FACTOR),
          params -> new ScalePreprocessor(params.get(FACTOR)));
    }
  }

  private final double factor;

  ScalePreprocessor(double factor) {
    this.factor = factor;
  }

  @Override
  public void fit(Examples train) {}

  @Override
  public Examples apply(Examples examples) {
    float[] scale = new float[examples.featureCount()];
    Arrays.fill(scale, (float) factor);
    return examples.withFeatures(
        examples.features().mapColumns(scale, new float[examples.featureCount()]));
  }
}
