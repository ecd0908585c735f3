package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for a hard tanh on an asymmetric range, with kinks at its ends. */
class HardTanhRangeActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new HardTanhActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("min_val", -2.0, "max_val", 0.5);
  }

  @Override
  protected List<Double> kinks() {
    return List.of(-2.0, 0.5);
  }
}
