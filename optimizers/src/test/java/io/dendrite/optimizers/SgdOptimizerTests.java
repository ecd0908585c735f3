package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.testkit.OptimizerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract with defaults and each setting that changes SGD's path. */
class SgdOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new SgdOptimizer.Plugin();
  }

  @Nested
  class WithMomentum extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new SgdOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("momentum", 0.9);
    }
  }

  @Nested
  class WithDampeningAndWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new SgdOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("momentum", 0.9, "dampening", 0.5, "weight_decay", 0.01);
    }
  }

  @Nested
  class WithNesterov extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new SgdOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("momentum", 0.9, "nesterov", true, "weight_decay", 0.01);
    }
  }

  @Test
  void declaresDefaultsAndRanges() {
    Params defaults = Params.resolve(new SgdOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.01),
            Map.entry("momentum", 0.0),
            Map.entry("dampening", 0.0),
            Map.entry("nesterov", false),
            Map.entry("weight_decay", 0.0));
    assertThatThrownBy(
            () -> Params.resolve(new SgdOptimizer.Plugin().params(), Map.of("momentum", 1.0)))
        .hasMessageContaining("momentum: must be >= 0 and < 1, found 1");
    assertThatThrownBy(
            () -> Params.resolve(new SgdOptimizer.Plugin().params(), Map.of("learning_rate", 0.0)))
        .hasMessageContaining("learning_rate: must be > 0, found 0");
  }

  @Test
  void refusesNesterovWithoutMomentumOrWithDampeningAsPyTorchDoes() {
    assertThatThrownBy(() -> create(Map.of("nesterov", true)))
        .isInstanceOf(ParamException.class)
        .hasMessageStartingWith("nesterov: Nesterov momentum needs momentum > 0 and dampening 0");
    assertThatThrownBy(() -> create(Map.of("nesterov", true, "momentum", 0.9, "dampening", 0.1)))
        .isInstanceOf(ParamException.class)
        .hasMessageContaining("found momentum 0.9 and dampening 0.1");
    assertThat(create(Map.of("nesterov", true, "momentum", 0.9))).isNotNull();
  }

  @Test
  void stateNamesTheMomentumBufferOfEachParameter() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, 0, false, 0);
    TorchFixtures.run(sgd, 3);
    Map<String, Matrix> state = sgd.state();
    assertThat(state)
        .containsOnlyKeys("sgd.momentum/layers.0.weight", "sgd.momentum/layers.0.bias");
    assertThat(state.get("sgd.momentum/layers.0.weight").rows()).isEqualTo(2);
    Optimizer plain = new SgdOptimizer(0.1, 0, 0, false, 0);
    TorchFixtures.run(plain, 3);
    assertThat(plain.state()).isEmpty();
  }

  @Test
  void refusesStateOfAnotherOptimizer() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, 0, false, 0);
    assertThatThrownBy(
            () -> sgd.restoreState(Map.of("adam.m/layers.0.weight", Matrix.floats(2, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("optimizer state 'adam.m/layers.0.weight' is not sgd state");
  }

  @Test
  void refusesStateOfAnotherShape() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, 0, false, 0);
    sgd.restoreState(Map.of("sgd.momentum/layers.0.weight", Matrix.floats(3, 3)));
    assertThatThrownBy(() -> TorchFixtures.run(sgd, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sgd.momentum/layers.0.weight is 3x3 but the parameter is 2x3");
  }

  @Test
  void refusesFloat64ParametersAndBadLearningRates() {
    Parameter p = new Parameter("w", Matrix.doubles(1, 2), Matrix.doubles(1, 2));
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, 0, false, 0).step(List.of(p)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w holds float64 values");
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, 0, false, 0).setLearningRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, 0, false, 0).setLearningRate(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Optimizer create(Map<String, Object> given) {
    SgdOptimizer.Plugin plugin = new SgdOptimizer.Plugin();
    return plugin.create(Params.resolve(plugin.params(), given));
  }
}
