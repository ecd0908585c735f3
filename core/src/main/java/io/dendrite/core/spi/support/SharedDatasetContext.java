package io.dendrite.core.spi.support;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.DatasetContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link DatasetContext} of one run: its datasets share decoded files, nothing else does. Also
 * what tests of a dataset plugin load it with.
 */
public final class SharedDatasetContext implements DatasetContext {
  private final Rng rng;
  private final Path folder;
  private final Path cacheFolder;
  private final Map<String, Object> shared;

  private SharedDatasetContext(Rng rng, Path folder, Path cacheFolder, Map<String, Object> shared) {
    this.rng = rng;
    this.folder = folder;
    this.cacheFolder = cacheFolder;
    this.shared = shared;
  }

  /** A context for the first dataset of a run. */
  public static SharedDatasetContext first(Rng rng, Path folder, Path cacheFolder) {
    return new SharedDatasetContext(rng, folder, cacheFolder, new ConcurrentHashMap<>());
  }

  /** A context for another dataset of the same run: its own stream, the same shared values. */
  public SharedDatasetContext next(Rng nextRng) {
    return new SharedDatasetContext(nextRng, folder, cacheFolder, shared);
  }

  @Override
  public Rng rng() {
    return rng;
  }

  @Override
  public Path folder() {
    return folder;
  }

  @Override
  public Path cacheFolder() {
    return cacheFolder;
  }

  @Override
  public <T> T shared(String key, Class<T> type, Supplier<T> load) {
    Object value = shared.get(key);
    if (value == null) {
      value = load.get();
      Object earlier = shared.putIfAbsent(key, value);
      if (earlier != null) {
        value = earlier;
      }
    }
    return type.cast(value);
  }
}
