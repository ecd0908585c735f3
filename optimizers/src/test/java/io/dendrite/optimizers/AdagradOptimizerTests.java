package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code AdagradOptimizer}, with defaults and each setting of note. */
class AdagradOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdagradOptimizer.Plugin();
  }

  @Nested
  class WithDecaysAndAccumulator extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new AdagradOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of(
          "learning_rate",
          0.1,
          "lr_decay",
          0.01,
          "initial_accumulator_value",
          0.1,
          "weight_decay",
          0.1);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new AdagradOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.01),
            Map.entry("lr_decay", 0.0),
            Map.entry("initial_accumulator_value", 0.0),
            Map.entry("epsilon", 1e-10),
            Map.entry("weight_decay", 0.0));
  }

  @Test
  void theSumStartsFromTheInitialAccumulatorValue() {
    Optimizer adagrad = new AdagradOptimizer(0.01, 0, 0.5, 1e-10, 0);
    var params = TorchFixtures.run(adagrad, 1);
    float g = TorchFixtures.gradients()[0][0];
    assertThat(adagrad.state().get("adagrad.sum/layers.0.weight").get(0))
        .isEqualTo((double) Math.fma(g, g, 0.5f));
    assertThat(adagrad.state().get("adagrad.step/layers.0.weight").get(0)).isEqualTo(1.0);
    assertThat(params.get(0).value().get(0)).isLessThan(0.5);
  }
}
