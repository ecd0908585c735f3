package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer gives PyTorch's parameters and state, within 1e-5 relative in float32.
 *
 * <p>Each setting of {@code make_fixtures.py} is compared after 1, 10 and 100 steps, and its state
 * after 100.
 *
 * <p>The one allowance: a value smaller than 1% of its tensor's largest is compared at that scale.
 * Such a value is what is left after a cancellation (a weight stepped across zero), where one
 * rounding step before the subtraction is large relative to the result. Most values agree bit for
 * bit; {@code adam} and {@code sgd} keep their unfused arithmetic and are a few rounding steps off.
 */
class OptimizerFixtureTests {
  static final double TOLERANCE = 1e-5;
  static final double SCALE_FLOOR = 0.01;

  static List<TorchFixtures.OptimizerCase> cases() {
    return TorchFixtures.optimizerCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parametersAndStateMatchPyTorch(TorchFixtures.OptimizerCase c) {
    Optimizer optimizer = c.create();
    List<Parameter> params = TorchFixtures.initialParameters();
    float[][] gradients = TorchFixtures.gradients();
    for (int t = 1; t <= gradients.length; t++) {
      TorchFixtures.setGradients(params, gradients, t - 1);
      optimizer.step(params);
      Map<String, float[]> expected = c.after().get(t);
      if (expected != null) {
        for (Parameter p : params) {
          assertClose(p.value(), expected.get(p.name()), c + ": " + p.name() + " after " + t);
        }
      }
    }
    Map<String, Matrix> state = optimizer.state();
    assertThat(state.keySet())
        .as("%s: state entries, by PyTorch's state", c)
        .containsExactlyInAnyOrderElementsOf(
            c.state().keySet().stream().map(k -> c.optimizer() + "." + k).toList());
    c.state()
        .forEach(
            (key, expected) -> {
              Matrix actual = state.get(c.optimizer() + "." + key);
              if (key.startsWith("step/")) {
                assertThat(actual.get(0)).as("%s: %s", c, key).isEqualTo(expected[0]);
              } else {
                assertClose(actual, expected, c + ": state " + key + " after 100");
              }
            });
  }

  static void assertClose(Matrix actual, float[] expected, String what) {
    assertThat(actual.size()).as(what).isEqualTo(expected.length);
    double largest = 0;
    for (float e : expected) {
      largest = Math.max(largest, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(Math.abs(expected[i]), SCALE_FLOOR * largest);
      assertThat(Math.abs(actual.get(i) - expected[i]))
          .as("%s [%d]: %s, PyTorch gives %s", what, i, (float) actual.get(i), expected[i])
          .isLessThanOrEqualTo(TOLERANCE * scale);
    }
  }
}
