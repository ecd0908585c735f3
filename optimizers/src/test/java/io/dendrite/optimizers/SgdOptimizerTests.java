package io.dendrite.optimizers;

import static io.dendrite.optimizers.TorchSteps.assertValues;
import static io.dendrite.optimizers.TorchSteps.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.testkit.OptimizerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new SgdOptimizer.Plugin();
  }

  // Expected values: PyTorch 1.13, torch.optim.SGD on float32 tensors (see TorchSteps).

  @Test
  void plainStepsMatchPyTorch() {
    assertValues(
        run(new SgdOptimizer(0.1, 0, false, 0)),
        0.4650000035762787f,
        -1.25f,
        1.8499999046325684f,
        0.06000000238418579f,
        0.7980000376701355f,
        -0.6399999856948853f,
        0.0f,
        0.05000000074505806f,
        0.014999999664723873f);
  }

  @Test
  void momentumWithWeightDecayMatchesPyTorch() {
    // torch.optim.SGD(params, lr=0.1, momentum=0.9, weight_decay=0.01)
    assertValues(
        run(new SgdOptimizer(0.1, 0.9, false, 0.01)),
        0.38853636384010315f,
        -1.1989614963531494f,
        1.6483534574508667f,
        0.1812700480222702f,
        0.7813937067985535f,
        -0.9841485619544983f,
        -0.21613061428070068f,
        0.4822612404823303f,
        -0.007755253463983536f);
  }

  @Test
  void nesterovMatchesPyTorch() {
    // torch.optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True)
    assertValues(
        run(new SgdOptimizer(0.1, 0.9, true, 0)),
        0.3670800030231476f,
        -1.2103099822998047f,
        1.543280005455017f,
        0.22335000336170197f,
        0.8300220370292664f,
        -1.257849931716919f,
        -0.28439998626708984f,
        0.6638000011444092f,
        -0.03674999997019768f);
  }

  @Test
  void declaresTorchDefaultsAndRanges() {
    Params defaults = Params.resolve(new SgdOptimizer.Plugin().params(), Map.of());
    assertThat(defaults.toMap())
        .containsExactly(
            Map.entry("learning_rate", 0.01),
            Map.entry("momentum", 0.0),
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
  void stateNamesTheMomentumBufferOfEachParameter() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, false, 0);
    List<Parameter> params = run(sgd);
    Map<String, Matrix> state = sgd.state();
    assertThat(state)
        .containsOnlyKeys("sgd.momentum/layers.0.weight", "sgd.momentum/layers.0.bias");
    assertThat(state.get("sgd.momentum/layers.0.weight").rows()).isEqualTo(2);
    assertThat(new SgdOptimizer(0.1, 0, false, 0).state()).isEmpty();
    assertThat(params).hasSize(2);
  }

  @Test
  void refusesStateOfAnotherOptimizer() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, false, 0);
    assertThatThrownBy(
            () -> sgd.restoreState(Map.of("adam.m/layers.0.weight", Matrix.floats(2, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("optimizer state 'adam.m/layers.0.weight' is not sgd state");
  }

  @Test
  void refusesStateOfAnotherShape() {
    Optimizer sgd = new SgdOptimizer(0.1, 0.9, false, 0);
    sgd.restoreState(Map.of("sgd.momentum/layers.0.weight", Matrix.floats(3, 3)));
    assertThatThrownBy(() -> run(sgd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sgd.momentum/layers.0.weight is 3x3 but the parameter is 2x3");
  }

  @Test
  void refusesFloat64ParametersAndBadLearningRates() {
    Parameter p = new Parameter("w", Matrix.doubles(1, 2), Matrix.doubles(1, 2));
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, false, 0).step(List.of(p)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w holds float64 values");
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, false, 0).setLearningRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SgdOptimizer(0.1, 0, false, 0).setLearningRate(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
