package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for a leaky relu with a steeper negative part. */
class LeakyReluSlopeActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new LeakyReluActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("negative_slope", 0.2);
  }

  @Override
  protected List<Double> kinks() {
    return List.of(0.0);
  }
}
