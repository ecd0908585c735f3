package io.dendrite.optimizers;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;

/** The optimizer contract with momentum, so that there is state to save and restore. */
class SgdNesterovOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new SgdOptimizer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("momentum", 0.9, "nesterov", true, "weight_decay", 0.01);
  }
}
