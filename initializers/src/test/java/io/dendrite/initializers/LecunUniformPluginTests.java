package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** {@code lecun_uniform} passes the contract third parties are held to. */
class LecunUniformPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new LecunUniformInitializer.Plugin();
  }
}
