package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for an elu whose slope jumps at 0, from alpha to 1. */
class EluAlphaActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new EluActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("alpha", 0.5);
  }

  @Override
  protected List<Double> kinks() {
    return List.of(0.0);
  }
}
