package io.dendrite.testkit;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import java.util.List;

/** The activation contract passes for a correct activation. */
class SoftplusActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new Fixtures.SoftplusPlugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }
}
