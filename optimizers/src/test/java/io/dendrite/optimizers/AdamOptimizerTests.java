package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchSteps.assertValues;
import static io.dendrite.optimizers.TorchSteps.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.OptimizerContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new AdamOptimizer.Plugin();
  }

  // Expected values: PyTorch 1.13, torch.optim.Adam on float32 tensors (see TorchSteps).

  @Test
  void defaultStepsMatchPyTorch() {
    // torch.optim.Adam(params)
    assertValues(
        run(new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0)),
        0.4976184070110321f,
        -1.2481435537338257f,
        1.9971981048583984f,
        0.0024084928445518017f,
        0.7486572861671448f,
        -0.3029268682003021f,
        0.09767111390829086f,
        -0.19750414788722992f,
        0.04848447069525719f);
  }

  @Test
  void weightDecayStepsAndMomentsMatchPyTorch() {
    // torch.optim.Adam(params, lr=0.01, weight_decay=0.1)
    Optimizer adam = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, 0.1);
    assertValues(
        run(adam),
        0.47478875517845154f,
        -1.226978063583374f,
        1.9712318181991577f,
        0.02405516803264618f,
        0.7335876822471619f,
        -0.3292348086833954f,
        0.076601542532444f,
        -0.1749400943517685f,
        0.024600259959697723f);
    Map<String, Matrix> state = adam.state();
    float[] m = {
      0.04006071761250496f, -0.028687862679362297f, 0.18271119892597198f,
      -0.04621120169758797f, -0.029342418536543846f, 0.2930830717086792f
    };
    float[] v = {
      0.00023466857965104282f, 0.00030683321529068053f, 0.0017245749477297068f,
      0.0004997388459742069f, 0.0003169545088894665f, 0.003848080523312092f
    };
    for (int i = 0; i < 6; i++) {
      // Within two float32 rounding steps: PyTorch's vectorized kernels may round differently.
      assertThat(state.get("adam.m/layers.0.weight").get(i))
          .isCloseTo(m[i], within(2.0 * Math.ulp(m[i])));
      assertThat(state.get("adam.v/layers.0.weight").get(i))
          .isCloseTo(v[i], within(2.0 * Math.ulp(v[i])));
    }
    assertThat(state.get("adam.step/layers.0.weight").get(0)).isEqualTo(3.0);
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
    Optimizer adam = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0);
    run(adam);
    assertThat(adam.state())
        .containsOnlyKeys(
            "adam.m/layers.0.weight",
            "adam.m/layers.0.bias",
            "adam.v/layers.0.weight",
            "adam.v/layers.0.bias",
            "adam.step/layers.0.weight",
            "adam.step/layers.0.bias");
  }

  @Test
  void refusesIncompleteOrMalformedState() {
    Optimizer adam = new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0);
    run(adam);
    Map<String, Matrix> state = new HashMap<>(adam.state());
    state.remove("adam.v/layers.0.bias");
    assertThatThrownBy(() -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0).restoreState(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adam state is incomplete");

    Map<String, Matrix> badStep = new HashMap<>(adam.state());
    badStep.put("adam.step/layers.0.bias", Matrix.doubles(1, 1).fill(2.5));
    assertThatThrownBy(() -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0).restoreState(badStep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'adam.step/layers.0.bias' must be one whole number >= 0");

    Map<String, Matrix> foreign = new HashMap<>(adam.state());
    foreign.put("sgd.momentum/layers.0.bias", Matrix.floats(1, 3));
    assertThatThrownBy(() -> new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0).restoreState(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sgd.momentum/layers.0.bias' is not adam state");
  }
}
