package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code AdadeltaOptimizer}, with defaults and each setting of note. */
class AdadeltaOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdadeltaOptimizer.Plugin();
  }

  @Nested
  class WithWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new AdadeltaOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("rho", 0.5, "epsilon", 1e-4, "weight_decay", 0.1);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new AdadeltaOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 1.0),
            Map.entry("rho", 0.9),
            Map.entry("epsilon", 1e-06),
            Map.entry("weight_decay", 0.0));
  }
}
