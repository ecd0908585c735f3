package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterwiseOptimizerTests {
  /** Plain SGD with a step counter, the smallest optimizer with state. */
  static final class CountingSgd extends ParameterwiseOptimizer {
    final List<String> updated = new ArrayList<>();

    CountingSgd(double learningRate) {
      super("sgd", learningRate);
    }

    @Override
    protected void update(Parameter p, float[] w, float[] g, int n, ParameterState state) {
      updated.add(p.name() + ":" + n);
      state.nextStep(p);
      float[] last = state.buffer("last", p);
      for (int i = 0; i < n; i++) {
        w[i] -= (float) (learningRate() * g[i]);
        last[i] = g[i];
      }
    }

    Kernels usedKernels() {
      return kernels();
    }
  }

  private static Parameter param(String name, float... gradient) {
    return new Parameter(
        name, Matrix.floats(1, gradient.length), Matrix.wrap(1, gradient.length, gradient.clone()));
  }

  @Test
  void stepUpdatesEveryParameterInOrderWithItsSize() {
    CountingSgd sgd = new CountingSgd(0.5);
    Parameter a = param("a", 2, 4);
    Parameter b = param("b", -2);
    sgd.step(List.of(a, b));
    assertThat(sgd.updated).containsExactly("a:2", "b:1");
    assertThat(a.value().floats()).containsExactly(-1f, -2f);
    assertThat(b.value().floats()).containsExactly(1f);
    assertThat(sgd.state())
        .containsOnlyKeys("sgd.last/a", "sgd.last/b", "sgd.step/a", "sgd.step/b");
    assertThat(sgd.state().get("sgd.last/a").get(1)).isEqualTo(4.0);
  }

  @Test
  void stepIfFiniteStopsAtTheFirstNonFiniteGradientAndSaysWhich() {
    CountingSgd sgd = new CountingSgd(1);
    Parameter a = param("a", 1);
    Parameter b = param("b", Float.NaN);
    Parameter c = param("c", 1);
    assertThat(sgd.stepIfFinite(List.of(a, b, c))).isEqualTo(1);
    assertThat(sgd.updated).containsExactly("a:1");
    assertThat(b.value().floats()).containsExactly(0f);
    assertThat(c.value().floats()).containsExactly(0f);
    assertThat(sgd.stepIfFinite(List.of(a, c))).isEqualTo(-1);
    assertThat(sgd.updated).containsExactly("a:1", "a:1", "c:1");
    assertThat(a.value().floats()).containsExactly(-2f);
    assertThat(sgd.stepIfFinite(List.of(param("d", Float.POSITIVE_INFINITY)))).isZero();
  }

  @Test
  void bothStepsRefuseFloat64Parameters() {
    CountingSgd sgd = new CountingSgd(1);
    Parameter d = Parameter.zeros("w", Matrix.doubles(1, 1), 1, 1);
    assertThatThrownBy(() -> sgd.step(List.of(d)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sgd updates float32 parameters only, but w holds float64 values");
    assertThatThrownBy(() -> sgd.stepIfFinite(List.of(d)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float32 parameters only");
    assertThat(sgd.updated).isEmpty();
  }

  @Test
  void learningRateIsCheckedWhenGivenAndWhenSet() {
    CountingSgd sgd = new CountingSgd(0.1);
    assertThat(sgd.learningRate()).isEqualTo(0.1);
    sgd.setLearningRate(0);
    assertThat(sgd.learningRate()).isZero();
    assertThatThrownBy(() -> sgd.setLearningRate(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learning rate must be finite and >= 0, found -1.0");
    assertThat(sgd.learningRate()).isZero();
    assertThatThrownBy(() -> new CountingSgd(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restoredStateContinuesWhereTheSavedOneStopped() {
    CountingSgd first = new CountingSgd(1);
    Parameter a = param("a", 3);
    first.step(List.of(a));
    Map<String, Matrix> saved = first.state();

    CountingSgd second = new CountingSgd(1);
    second.restoreState(saved);
    assertThat(second.state().get("sgd.step/a").get(0)).isEqualTo(1.0);
    assertThat(second.state().get("sgd.last/a").get(0)).isEqualTo(3.0);
    second.step(List.of(param("a", 5)));
    assertThat(second.state().get("sgd.step/a").get(0)).isEqualTo(2.0);
    assertThatThrownBy(() -> second.restoreState(Map.of("adam.m/a", Matrix.floats(1, 1))))
        .hasMessage("optimizer state 'adam.m/a' is not sgd state");
  }

  @Test
  void kernelsAreSingleThreadedUntilTheNetworkGivesItsOwn() {
    CountingSgd sgd = new CountingSgd(1);
    assertThat(sgd.usedKernels()).isSameAs(Kernels.singleThreaded());
    Kernels mine = new Kernels(ComputePool.singleThreaded());
    sgd.useKernels(mine);
    assertThat(sgd.usedKernels()).isSameAs(mine);
    assertThatThrownBy(() -> sgd.useKernels(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kernels");
  }
}
