package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;

/**
 * Flattening, which changes nothing here: every dataset already gives one flat row of features per
 * example (an image row by row, channel by channel). It exists so that pipelines written for
 * frameworks with shaped tensors keep working.
 */
public final class FlattenPreprocessor implements Preprocessor {
  /** Registers the preprocessor as {@code flatten}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          "flatten",
          "no-op: features are already one flat row per example",
          FlattenPreprocessor::new);
    }
  }

  @Override
  public void fit(Examples train) {}

  @Override
  public Examples apply(Examples examples) {
    return examples;
  }
}
