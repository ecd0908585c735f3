package io.dendrite.testkit;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;

/** The initializer contract passes for a correct random initializer. */
class UniformInitializerTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new Fixtures.UniformPlugin();
  }
}
