package io.dendrite.datasets;

import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The dataset contract for {@code idx}, on a copy of the bundled MNIST files. */
class IdxDatasetContractTests extends DatasetContract {
  @TempDir static Path dir;

  @BeforeAll
  static void copyBundledFiles() throws IOException {
    for (String name : new String[] {MnistSample.IMAGES, MnistSample.LABELS}) {
      try (InputStream in = MnistSample.class.getResourceAsStream(name)) {
        Files.copy(in, dir.resolve(Path.of(name).getFileName()));
      }
    }
  }

  @Override
  protected Plugin<Dataset> plugin() {
    return new IdxDataset.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of(
        "images", dir.resolve("t10k-images-idx3-ubyte.gz"),
        "labels", dir.resolve("t10k-labels-idx1-ubyte.gz"),
        "limit", 2000);
  }
}
