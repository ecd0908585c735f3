package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.testkit.OptimizerContract;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The optimizer contract for {@code RmspropOptimizer}, with defaults and each setting of note. */
class RmspropOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new RmspropOptimizer.Plugin();
  }

  @Nested
  class Centered extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new RmspropOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("centered", true);
    }
  }

  @Nested
  class WithMomentum extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new RmspropOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("momentum", 0.9, "weight_decay", 0.1);
    }
  }

  @Nested
  class CenteredWithMomentumAndWeightDecay extends OptimizerContract {
    @Override
    protected Plugin<Optimizer> plugin() {
      return new RmspropOptimizer.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("alpha", 0.9, "centered", true, "momentum", 0.5, "weight_decay", 0.1);
    }
  }

  @Test
  void declaresTorchDefaults() {
    Params defaults = Params.resolve(new RmspropOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.01),
            Map.entry("alpha", 0.99),
            Map.entry("epsilon", 1e-08),
            Map.entry("momentum", 0.0),
            Map.entry("centered", false),
            Map.entry("weight_decay", 0.0));
  }

  @Test
  void keepsAllItsStateInParameterState() {
    assertThat(RmspropOptimizer.class.getSuperclass()).isEqualTo(ParameterwiseOptimizer.class);
    assertThat(Arrays.stream(RmspropOptimizer.class.getDeclaredMethods()).map(m -> m.getName()))
        .doesNotContain("state", "restoreState");
    for (Field f : RmspropOptimizer.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        assertThat(Modifier.isFinal(f.getModifiers())).as("%s is final", f.getName()).isTrue();
        assertThat(f.getType().isPrimitive()).as("%s is a setting", f.getName()).isTrue();
      }
    }
  }

  @Test
  void stateHoldsOnlyTheBuffersItsSettingsUse() {
    Optimizer plain = new RmspropOptimizer(0.01, 0.99, 1e-8, 0, false, 0);
    TorchFixtures.run(plain, 2);
    assertThat(plain.state())
        .containsOnlyKeys("rmsprop.square_avg/layers.0.weight", "rmsprop.square_avg/layers.0.bias");
    Optimizer all = new RmspropOptimizer(0.01, 0.99, 1e-8, 0.9, true, 0);
    TorchFixtures.run(all, 2);
    assertThat(all.state())
        .containsOnlyKeys(
            "rmsprop.square_avg/layers.0.weight",
            "rmsprop.square_avg/layers.0.bias",
            "rmsprop.grad_avg/layers.0.weight",
            "rmsprop.grad_avg/layers.0.bias",
            "rmsprop.momentum/layers.0.weight",
            "rmsprop.momentum/layers.0.bias");
  }
}
