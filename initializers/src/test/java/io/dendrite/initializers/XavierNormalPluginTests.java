package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** {@code xavier_normal} passes the contract third parties are held to. */
class XavierNormalPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new XavierNormalInitializer.Plugin();
  }
}
