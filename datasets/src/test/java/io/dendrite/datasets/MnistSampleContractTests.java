package io.dendrite.datasets;

import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.util.Map;

/** The dataset contract for {@code mnist_sample}. */
class MnistSampleContractTests extends DatasetContract {
  @Override
  protected Plugin<Dataset> plugin() {
    return new MnistSample.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("split", "test");
  }
}
