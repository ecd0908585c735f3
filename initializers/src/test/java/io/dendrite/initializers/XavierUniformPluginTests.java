package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** Core's built-in initializer passes the contract third parties are held to. */
class XavierUniformPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new XavierUniformInitializer.Plugin();
  }
}
