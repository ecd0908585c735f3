package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for a celu with another alpha: still continuously differentiable. */
class CeluAlphaActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new CeluActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("alpha", 2.0);
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }
}
