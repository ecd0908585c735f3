package io.dendrite.datasets;

import static io.dendrite.datasets.IdxFiles.cyclicLabels;
import static io.dendrite.datasets.IdxFiles.gzip;
import static io.dendrite.datasets.IdxFiles.images;
import static io.dendrite.datasets.IdxFiles.write;

import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset contract for {@code mnist} and {@code fashion_mnist}, given a folder and no download.
 *
 * <p>{@code mnist} reads the bundled MNIST test files; {@code fashion_mnist} small stand-ins.
 */
class PublishedIdxSetContractTests {
  @TempDir static Path mnist;
  @TempDir static Path fashion;

  @BeforeAll
  static void writeFiles() throws IOException {
    for (String name : new String[] {MnistSample.IMAGES, MnistSample.LABELS}) {
      try (InputStream in = MnistSample.class.getResourceAsStream(name)) {
        Files.copy(in, mnist.resolve(Path.of(name).getFileName()));
      }
    }
    write(fashion, "train-images-idx3-ubyte.gz", gzip(images(30, 28, 28)));
    write(fashion, "train-labels-idx1-ubyte", cyclicLabels(30));
  }

  @Nested
  class Mnist extends DatasetContract {
    @Override
    protected Plugin<Dataset> plugin() {
      return new MnistDataset.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("split", "test", "path", mnist, "download", false, "limit", 2000);
    }
  }

  @Nested
  class FashionMnist extends DatasetContract {
    @Override
    protected Plugin<Dataset> plugin() {
      return new FashionMnistDataset.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("path", fashion, "download", false);
    }
  }
}
