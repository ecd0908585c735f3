package io.dendrite.testkit;

import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;

/** The layer contract passes for a correct layer that is random in training. */
class NoiseLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new LayerFixtures.NoisePlugin();
  }

  @Override
  protected boolean isRandomInTraining() {
    return true;
  }
}
