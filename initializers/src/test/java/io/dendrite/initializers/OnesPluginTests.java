package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** {@code ones} passes the contract as a deterministic initializer. */
class OnesPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new OnesInitializer.Plugin();
  }

  @Override
  protected boolean isRandom() {
    return false;
  }
}
