package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.testkit.OptimizerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optimizer contract, at a rate that can halve the contract's quadratic in 200 steps. */
class LionOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new LionOptimizer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("learning_rate", 0.01);
  }

  @Test
  void everyWeightMovesByTheLearningRate() {
    Optimizer lion = plugin().create(Params.defaults(plugin().params()));
    Parameter p =
        new Parameter(
            "layers.0.weight",
            Matrix.wrap(1, 2, new float[] {1, 1}),
            Matrix.wrap(1, 2, new float[] {0.5f, -3}));
    lion.step(List.of(p));
    assertThat(p.value().get(0)).isEqualTo(1 - 1e-4f);
    assertThat(p.value().get(1)).isEqualTo(1 + 1e-4f);
    assertThat(lion.state()).containsOnlyKeys("sign_momentum.m/layers.0.weight");
  }
}
