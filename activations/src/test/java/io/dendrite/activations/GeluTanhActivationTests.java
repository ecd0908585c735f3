package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for the tanh approximation of GELU, which is smooth everywhere. */
class GeluTanhActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new GeluActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("approximate", "tanh");
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }
}
