package io.dendrite.datasets;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.support.SharedDatasetContext;
import java.nio.file.Path;

/** A dataset context for tests: seeded, working folder, a temporary cache. */
final class Contexts {
  private Contexts() {}

  static DatasetContext context() {
    return SharedDatasetContext.first(
        new Rng(1),
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("java.io.tmpdir"), "dendrite-test-cache"));
  }

  /** A context whose cache is {@code cache}. */
  static DatasetContext withCache(Path cache) {
    return SharedDatasetContext.first(new Rng(1), Path.of("").toAbsolutePath(), cache);
  }
}
