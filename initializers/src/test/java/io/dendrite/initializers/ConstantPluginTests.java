package io.dendrite.initializers;

import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.InitializerContract;
import java.util.Map;

/** {@code constant} passes the contract as a deterministic initializer. */
class ConstantPluginTests extends InitializerContract {
  @Override
  protected Plugin<Initializer> plugin() {
    return new ConstantInitializer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("value", 0.25);
  }

  @Override
  protected boolean isRandom() {
    return false;
  }
}
