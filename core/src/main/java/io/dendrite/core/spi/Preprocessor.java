package io.dendrite.core.spi;

import io.dendrite.core.data.Examples;
import java.util.Map;

/**
 * A step of {@code data.preprocess}: learns what it needs from the training examples and transforms
 * every set the same way (standardization, min-max scaling, one-hot columns, ...).
 *
 * <p>{@link #fit} sees the training split only, never validation or test examples. What it learned
 * comes back as values of the plugin's own parameters ({@link #fitted}), so that the resolved
 * experiment and a saved model repeat the transformation without fitting again: a preprocessor
 * given those values must not fit.
 */
public interface Preprocessor {
  /** Learns the statistics it needs from {@code train}, unless its parameters already give them. */
  void fit(Examples train);

  /**
   * {@code examples} transformed; features are best mapped lazily ({@link
   * io.dendrite.core.data.Features#mapColumns}) so that nothing is copied.
   */
  Examples apply(Examples examples);

  /** What {@link #fit} learned, as parameter values of this plugin: {@code {mean: [...]}}. */
  default Map<String, Object> fitted() {
    return Map.of();
  }
}
