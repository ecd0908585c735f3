package io.dendrite.losses;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import java.util.Map;

/**
 * The contract again with a small {@code delta}, so that most differences are in the linear part.
 */
class HuberLossWithDeltaTests extends RegressionLossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new HuberLoss.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("delta", 0.3);
  }
}
