package io.dendrite.core.spi;

import io.dendrite.core.random.Rng;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What a run gives a dataset when it loads it. */
public interface DatasetContext {
  /** The dataset's own random stream, derived from the experiment's seed. */
  Rng rng();

  /** The folder of the experiment file: relative paths are relative to it. */
  Path folder();

  /** The user's cache of downloaded data sets ({@code ~/.dendrite/datasets}). */
  Path cacheFolder();

  /**
   * The value {@code load} gives for {@code key}, computed once per run: the train and test splits
   * of one file are decoded once. Values must be immutable, as both loads share them.
   */
  <T> T shared(String key, Class<T> type, Supplier<T> load);
}
