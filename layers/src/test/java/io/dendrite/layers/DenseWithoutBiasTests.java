package io.dendrite.layers;

import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.LayerContract;
import java.util.Map;

/** {@code dense} without a bias, and without an activation, passes the contract too. */
class DenseWithoutBiasTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new DenseLayer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("units", 4, "use_bias", false);
  }

  @Override
  protected <T> T component(ComponentSpec spec, Class<T> type) {
    return StandIns.create(spec, type);
  }
}
