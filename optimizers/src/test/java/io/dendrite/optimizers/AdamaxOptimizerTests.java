package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code AdamaxOptimizer}, with defaults and each setting of note. */
class AdamaxOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdamaxOptimizer.Plugin();
  }

  @Nested
  class WithWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new AdamaxOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "beta1", 0.4, "weight_decay", 0.1);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new AdamaxOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.002),
            Map.entry("beta1", 0.9),
            Map.entry("beta2", 0.999),
            Map.entry("epsilon", 1e-08),
            Map.entry("weight_decay", 0.0));
  }
}
