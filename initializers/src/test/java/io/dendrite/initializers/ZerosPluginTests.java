package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** {@code zeros} passes the contract as a deterministic initializer. */
class ZerosPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new ZerosInitializer.Plugin();
  }

  @Override
  protected boolean isRandom() {
    return false;
  }
}
