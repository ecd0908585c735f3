package io.dendrite.activations;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;

/** The activation contract for a sharper softplus, linear from beta x > 20, so x > 10. */
class SoftplusBetaActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SoftplusActivation.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("beta", 2.0);
  }

  @Override
  protected List<Double> kinks() {
    return List.of(10.0);
  }
}
