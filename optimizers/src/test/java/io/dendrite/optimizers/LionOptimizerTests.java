package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code LionOptimizer}, with defaults and each setting of note. */
class LionOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new LionOptimizer.Plugin();
  }

  // Defaults, but Lion moves each value by the rate per step: 1e-4 takes 200 steps to move 0.02.
  @Override
  protected Map<String, Object> parameters() {
    return Map.of("learning_rate", 0.01);
  }

  @Nested
  class WithWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new LionOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "beta1", 0.5, "beta2", 0.9, "weight_decay", 0.1);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new LionOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.0001),
            Map.entry("beta1", 0.9),
            Map.entry("beta2", 0.99),
            Map.entry("weight_decay", 0.0));
  }

  @Test
  void everyValueMovesByTheLearningRate() {
    Optimizer lion = new LionOptimizer(0.125, 0.9, 0.99, 0);
    var params = TorchFixtures.run(lion, 1);
    float[] g = TorchFixtures.gradients()[0];
    float[] initial = TorchFixtures.initialParameters().get(0).value().floats();
    for (int i = 0; i < 6; i++) {
      // The first step's direction is the gradient's sign; 0 does not move.
      assertThat(params.get(0).value().get(i))
          .isEqualTo((double) (initial[i] - 0.125f * Math.signum(g[i])));
    }
  }
}
