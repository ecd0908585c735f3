package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.SharedDatasetContext;
import io.dendrite.testkit.DatasetContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The dataset contract for every synthetic set, and what they share: the run's random stream. */
class SyntheticContractTests {
  @Test
  void pointsComeFromTheContextsStream() {
    for (Plugin<Dataset> plugin :
        java.util.List.<Plugin<Dataset>>of(
            new XorDataset.Plugin(),
            new SpiralsDataset.Plugin(),
            new MoonsDataset.Plugin(),
            new CirclesDataset.Plugin(),
            new BlobsDataset.Plugin(),
            new SineDataset.Plugin())) {
      Dataset dataset = plugin.create(Params.resolve(plugin.params(), Map.of()));
      float[] one = load(dataset, 1);
      assertThat(load(dataset, 1)).as(plugin.id()).containsExactly(one);
      assertThat(load(dataset, 2)).as(plugin.id()).isNotEqualTo(one);
    }
  }

  @Test
  void classesAlternateSoThatEveryClassIsEquallyLarge() {
    SpiralsDataset.Plugin plugin = new SpiralsDataset.Plugin();
    Examples e =
        plugin
            .create(Params.resolve(plugin.params(), Map.of("classes", 3, "samples", 9)))
            .load(Contexts.context());
    for (int i = 0; i < 9; i++) {
      assertThat(e.label(i)).isEqualTo(i % 3);
    }
    assertThat(e.classNames()).containsExactly("0", "1", "2");
  }

  @Test
  void blobCentresKeepApart() {
    BlobsDataset.Plugin plugin = new BlobsDataset.Plugin();
    Examples e =
        plugin
            .create(Params.resolve(plugin.params(), Map.of("centers", 5, "spread", 0.0)))
            .load(Contexts.context());
    float[] x = e.features().toMatrix().floats();
    for (int a = 0; a < 5; a++) {
      for (int b = a + 1; b < 5; b++) {
        double d = Math.hypot(x[2 * a] - x[2 * b], x[2 * a + 1] - x[2 * b + 1]);
        assertThat(d).as("distance of centres %d and %d", a, b).isPositive();
      }
    }
  }

  private static float[] load(Dataset dataset, long seed) {
    return dataset
        .load(SharedDatasetContext.first(new Rng(seed), Path.of("."), Path.of("cache")))
        .features()
        .toMatrix()
        .floats();
  }

  abstract static class Synthetic extends DatasetContract {}

  @Nested
  class Xor extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new XorDataset.Plugin();
    }
  }

  @Nested
  class Spirals extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new SpiralsDataset.Plugin();
    }
  }

  @Nested
  class Moons extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new MoonsDataset.Plugin();
    }
  }

  @Nested
  class Circles extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new CirclesDataset.Plugin();
    }
  }

  @Nested
  class Blobs extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new BlobsDataset.Plugin();
    }
  }

  @Nested
  class Sine extends Synthetic {
    @Override
    protected Plugin<Dataset> plugin() {
      return new SineDataset.Plugin();
    }
  }
}
