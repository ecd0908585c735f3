package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.OptimizerContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract with defaults and each setting that changes Adam's path. */
class AdamOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdamOptimizer.Plugin();
  }

  @Nested
  class WithAmsgrad extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new AdamOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "amsgrad", true);
    }
  }

  @Nested
  class WithWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new AdamOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("learning_rate", 0.01, "beta1", 0.8, "beta2", 0.99, "weight_decay", 0.01);
    }
  }

  @Test
  void declaresTorchDefaultsAndRanges() {
    Params defaults = Params.resolve(new AdamOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.001),
            Map.entry("beta1", 0.9),
            Map.entry("beta2", 0.999),
            Map.entry("epsilon", 1e-8),
            Map.entry("amsgrad", false),
            Map.entry("weight_decay", 0.0));
    assertThatThrownBy(
            () -> Params.resolve(new AdamOptimizer.Plugin().params(), Map.of("beta2", 1)))
        .hasMessageContaining("beta2: must be >= 0 and < 1, found 1");
    assertThatThrownBy(
            () -> Params.resolve(new AdamOptimizer.Plugin().params(), Map.of("epsilon", 0)))
        .hasMessageContaining("epsilon: must be > 0, found 0");
  }

  @Test
  void stateHasMomentsAndAStepCountPerParameter() {
    Optimizer adam = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, false, 0);
    TorchFixtures.run(adam, 3);
    assertThat(adam.state())
        .containsOnlyKeys(
            "adam.m/layers.0.weight",
            "adam.m/layers.0.bias",
            "adam.v/layers.0.weight",
            "adam.v/layers.0.bias",
            "adam.step/layers.0.weight",
            "adam.step/layers.0.bias");
    assertThat(adam.state().get("adam.step/layers.0.weight").get(0)).isEqualTo(3.0);

    Optimizer amsgrad = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, true, 0);
    TorchFixtures.run(amsgrad, 3);
    assertThat(amsgrad.state())
        .containsKeys("adam.v_max/layers.0.weight", "adam.v_max/layers.0.bias")
        .hasSize(8);
  }

  @Test
  void amsgradResumesFromPlainAdamState() {
    // A run switched to AMSGrad starts v_max from zeros, so its first step divides by v.
    Optimizer plain = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, false, 0);
    Optimizer amsgrad = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, true, 0);
    TorchFixtures.run(plain, 5);
    amsgrad.restoreState(plain.state());
    var a = TorchFixtures.initialParameters();
    var b = TorchFixtures.initialParameters();
    float[][] gradients = TorchFixtures.gradients();
    TorchFixtures.setGradients(a, gradients, 5);
    TorchFixtures.setGradients(b, gradients, 5);
    plain.step(a);
    amsgrad.step(b);
    assertThat(b.get(0).value().floats()).containsExactly(a.get(0).value().floats());
  }

  @Test
  void refusesIncompleteOrMalformedState() {
    Optimizer adam = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, false, 0);
    TorchFixtures.run(adam, 3);
    Map<String, Matrix> state = new HashMap<>(adam.state());
    state.remove("adam.v/layers.0.bias");
    assertThatThrownBy(
            () -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, false, 0).restoreState(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adam state is incomplete");

    Map<String, Matrix> badStep = new HashMap<>(adam.state());
    badStep.put("adam.step/layers.0.bias", Matrix.doubles(1, 1).fill(2.5));
    assertThatThrownBy(
            () -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, false, 0).restoreState(badStep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'adam.step/layers.0.bias' must be one whole number >= 0");

    Map<String, Matrix> foreign = new HashMap<>(adam.state());
    foreign.put("sgd.momentum/layers.0.bias", Matrix.floats(1, 3));
    assertThatThrownBy(
            () -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, false, 0).restoreState(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sgd.momentum/layers.0.bias' is not adam state");
  }
}
