package io.dendrite.optimizers;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;

/** The optimizer contract with weight decay and other betas. */
class AdamWeightDecayOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdamOptimizer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("learning_rate", 0.01, "beta1", 0.8, "beta2", 0.99, "weight_decay", 0.01);
  }
}
