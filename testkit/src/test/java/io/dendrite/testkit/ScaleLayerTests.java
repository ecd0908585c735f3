package io.dendrite.testkit;

import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;

/** The layer contract passes for a correct layer with parameters and a buffer. */
class ScaleLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new LayerFixtures.ScalePlugin();
  }
}
