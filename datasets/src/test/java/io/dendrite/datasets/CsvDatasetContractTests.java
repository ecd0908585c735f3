package io.dendrite.datasets;

import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The dataset contract for {@code csv}, on a classification table and a regression table. */
class CsvDatasetContractTests {
  @Nested
  class Classification extends DatasetContract {
    @Override
    protected Plugin<Dataset> plugin() {
      return new CsvDataset.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("path", CsvFiles.EXAMPLES.resolve("wine.csv"));
    }
  }

  @Nested
  class Regression extends DatasetContract {
    @Override
    protected Plugin<Dataset> plugin() {
      return new CsvDataset.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("path", CsvFiles.EXAMPLES.resolve("diabetes.csv"), "task", "regression");
    }
  }
}
