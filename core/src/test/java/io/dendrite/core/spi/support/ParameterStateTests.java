package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterStateTests {
  private static Parameter floats(String name, int rows, int cols) {
    return Parameter.zeros(name, Matrix.floats(1, 1), rows, cols);
  }

  @Test
  void buffersAreZeroFilledInTheParametersShapeAndKeptBetweenCalls() {
    ParameterState s = new ParameterState("adam");
    Parameter w = floats("layers.0.weight", 2, 3);
    assertThat(s.has("m", w)).isFalse();
    float[] m = s.buffer("m", w);
    assertThat(m).hasSize(6).containsOnly(0f);
    assertThat(s.has("m", w)).isTrue();
    assertThat(s.has("v", w)).isFalse();
    m[4] = 2.5f;
    assertThat(s.buffer("m", w)).isSameAs(m);
    assertThat(s.buffer("m", w)[4]).isEqualTo(2.5f);
    Parameter b = floats("layers.0.bias", 1, 3);
    assertThat(s.has("m", b)).isFalse();
    assertThat(s.buffer("m", b)).hasSize(3).isNotSameAs(m);
  }

  @Test
  void stepAndSlashCannotNameABuffer() {
    ParameterState s = new ParameterState("adam");
    Parameter w = floats("w", 1, 1);
    assertThatThrownBy(() -> s.buffer("step", w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'step' cannot name a buffer");
    assertThatThrownBy(() -> s.buffer("m/x", w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'m/x' cannot name a buffer");
    assertThat(s.state()).isEmpty();
  }

  @Test
  void aBufferOfAnotherShapeIsRefusedWithBothShapes() {
    ParameterState s = new ParameterState("sgd");
    s.buffer("momentum", floats("w", 2, 3));
    assertThatThrownBy(() -> s.buffer("momentum", floats("w", 2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "optimizer state sgd.momentum/w is 2x3 but the parameter is 2x4: the state belongs"
                + " to another model");
    assertThatThrownBy(() -> s.buffer("momentum", floats("w", 3, 3)))
        .hasMessageContaining("is 2x3 but the parameter is 3x3");
  }

  @Test
  void stepsCountPerParameterFromOne() {
    ParameterState s = new ParameterState("adam");
    Parameter a = floats("a", 1, 1);
    Parameter b = floats("b", 1, 1);
    assertThat(s.steps(a)).isZero();
    assertThat(s.nextStep(a)).isEqualTo(1);
    assertThat(s.nextStep(a)).isEqualTo(2);
    assertThat(s.nextStep(b)).isEqualTo(1);
    assertThat(s.steps(a)).isEqualTo(2);
    assertThat(s.steps(b)).isEqualTo(1);
    assertThat(s.parameters()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void stateNamesEveryBufferAndStepAndHoldsCopies() {
    ParameterState s = new ParameterState("adam");
    Parameter w = floats("layers.0.weight", 1, 2);
    Parameter bias = floats("layers.0.bias", 1, 1);
    s.buffer("m", w)[1] = 3f;
    s.buffer("v", bias)[0] = 4f;
    s.nextStep(w);
    s.nextStep(w);
    Map<String, Matrix> state = s.state();
    assertThat(state.keySet())
        .containsExactly(
            "adam.m/layers.0.weight", "adam.v/layers.0.bias", "adam.step/layers.0.weight");
    assertThat(state.get("adam.m/layers.0.weight").get(1)).isEqualTo(3.0);
    Matrix step = state.get("adam.step/layers.0.weight");
    assertThat(step.isDouble()).isTrue();
    assertThat(step.size()).isEqualTo(1);
    assertThat(step.get(0)).isEqualTo(2.0);
    state.get("adam.m/layers.0.weight").set(1, 9);
    assertThat(s.buffer("m", w)[1]).isEqualTo(3f);
    assertThat(s.parameters()).containsExactlyInAnyOrder("layers.0.weight", "layers.0.bias");
  }

  @Test
  void restoreTakesBackWhatStateGaveAndReplacesEverything() {
    ParameterState s = new ParameterState("adam");
    Parameter w = floats("w", 1, 2);
    s.buffer("m", w)[0] = 1.5f;
    s.nextStep(w);
    s.nextStep(w);
    s.nextStep(w);
    Map<String, Matrix> saved = s.state();

    ParameterState t = new ParameterState("adam");
    Parameter other = floats("other", 1, 1);
    t.buffer("v", other);
    t.nextStep(other);
    t.restore(saved);
    assertThat(t.has("v", other)).isFalse();
    assertThat(t.steps(other)).isZero();
    assertThat(t.has("m", w)).isTrue();
    assertThat(t.buffer("m", w)).containsExactly(1.5f, 0f);
    assertThat(t.steps(w)).isEqualTo(3);
    assertThat(t.nextStep(w)).isEqualTo(4);
    assertThat(t.state()).containsOnlyKeys(saved.keySet());
    assertThat(t.parameters()).containsExactly("w");
    // A copy: changing the restored buffer leaves what was given alone.
    t.buffer("m", w)[0] = 7f;
    assertThat(saved.get("adam.m/w").get(0)).isEqualTo(1.5);
  }

  @Test
  void restoreConvertsBuffersToFloat32() {
    ParameterState s = new ParameterState("adam");
    Map<String, Matrix> saved = new LinkedHashMap<>();
    saved.put("adam.m/w", Matrix.wrap(1, 2, new double[] {0.25, -1}));
    s.restore(saved);
    assertThat(s.buffer("m", floats("w", 1, 2))).containsExactly(0.25f, -1f);
  }

  @Test
  void restoreRefusesAnotherOptimizersOrMalformedKeys() {
    ParameterState s = new ParameterState("adam");
    Parameter w = floats("w", 1, 1);
    s.nextStep(w);
    for (String key :
        new String[] {"sgd.m/w", "adam.m", "adam./w", "adam.m/", "adamm/w", "m/w", "adam/w"}) {
      assertThatThrownBy(() -> s.restore(Map.of(key, Matrix.floats(1, 1))))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("optimizer state '" + key + "' is not adam state");
    }
    // Refused entries change nothing.
    assertThat(s.steps(w)).isEqualTo(1);
    s.restore(Map.of("adam.m/x", Matrix.floats(1, 1)));
    assertThat(s.has("m", floats("x", 1, 1))).isTrue();
    s.restore(Map.of("adam.ab/c/d", Matrix.floats(1, 1)));
    assertThat(s.has("ab", floats("c/d", 1, 1))).isTrue();
  }

  @Test
  void restoreRefusesAStepCountThatIsNotOneWholeNumber() {
    ParameterState s = new ParameterState("adam");
    for (Matrix bad :
        new Matrix[] {
          Matrix.doubles(1, 1).fill(-1),
          Matrix.doubles(1, 1).fill(1.5),
          Matrix.doubles(1, 2).fill(1),
          Matrix.doubles(1, 1).fill(Double.NaN),
          Matrix.doubles(1, 1).fill(Double.POSITIVE_INFINITY)
        }) {
      assertThatThrownBy(() -> s.restore(Map.of("adam.step/w", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("optimizer state 'adam.step/w' must be one whole number >= 0");
    }
    s.restore(Map.of("adam.step/w", Matrix.doubles(1, 1)));
    assertThat(s.steps(floats("w", 1, 1))).isZero();
    assertThat(s.parameters()).containsExactly("w");
    s.restore(Map.of("adam.step/w", Matrix.doubles(1, 1).fill(9_007_199_254_740_992.0)));
    assertThat(s.steps(floats("w", 1, 1))).isEqualTo(9_007_199_254_740_992L);
  }

  @Test
  void requireFloat32RefusesDoubleValuesOrGradients() {
    Parameter f = floats("w", 1, 1);
    ParameterState.requireFloat32("adam", f);
    Parameter d = Parameter.zeros("layers.1.weight", Matrix.doubles(1, 1), 1, 1);
    assertThatThrownBy(() -> ParameterState.requireFloat32("adam", d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "adam updates float32 parameters only, but layers.1.weight holds float64 values");
    Parameter mixedGradient = new Parameter("g", Matrix.floats(1, 1), Matrix.doubles(1, 1));
    assertThatThrownBy(() -> ParameterState.requireFloat32("sgd", mixedGradient))
        .hasMessageStartingWith("sgd updates float32 parameters only, but g");
  }

  @Test
  void requireLearningRateAcceptsZeroAndFiniteRatesOnly() {
    assertThat(ParameterState.requireLearningRate(0)).isZero();
    assertThat(ParameterState.requireLearningRate(0.01)).isEqualTo(0.01);
    assertThat(ParameterState.requireLearningRate(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
    for (double bad :
        new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> ParameterState.requireLearningRate(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("learning rate must be finite and >= 0, found " + bad);
    }
  }
}
