package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;

/** {@code lecun_normal} passes the contract third parties are held to. */
class LecunNormalPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new LecunNormalInitializer.Plugin();
  }
}
