package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code NadamOptimizer}, with defaults and each setting of note. */
class NadamOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new NadamOptimizer.Plugin();
  }

  @Nested
  class WithWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new NadamOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "weight_decay", 0.1, "momentum_decay", 0.01);
    }
  }

  @Nested
  class WithDecoupledWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new NadamOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "weight_decay", 0.1, "decoupled_weight_decay", true);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new NadamOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.002),
            Map.entry("beta1", 0.9),
            Map.entry("beta2", 0.999),
            Map.entry("epsilon", 1e-08),
            Map.entry("momentum_decay", 0.004),
            Map.entry("weight_decay", 0.0),
            Map.entry("decoupled_weight_decay", false));
  }
}
