package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clipping by value clamps each gradient value; by norm it rescales all of them together. */
class GradientClippingTests {
  private static final double NONE = Double.POSITIVE_INFINITY;

  private static Parameter parameter(boolean wide, double... gradient) {
    Matrix g = wide ? Matrix.doubles(1, gradient.length) : Matrix.floats(1, gradient.length);
    for (int i = 0; i < gradient.length; i++) {
      g.set(i, gradient[i]);
    }
    return new Parameter("p", g.like(1, gradient.length), g);
  }

  private static double[] gradient(Parameter p) {
    double[] out = new double[p.gradient().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.gradient().get(i);
    }
    return out;
  }

  @Test
  void byValueEveryValueIsClampedInFloat32AndFloat64() {
    for (boolean wide : new boolean[] {false, true}) {
      Parameter p = parameter(wide, -3, -0.5, 0, 0.5, 2);
      new GradientClipping(1, NONE).process(null, List.of(p));
      assertThat(gradient(p)).as("wide %s", wide).containsExactly(-1, -0.5, 0, 0.5, 1);
    }
  }

  @Test
  void byNormAllGradientsAreRescaledTogetherOnlyWhenAbove() {
    for (boolean wide : new boolean[] {false, true}) {
      Parameter a = parameter(wide, 3, 0);
      Parameter b = parameter(!wide, 0, 4);
      assertThat(GradientClipping.globalNorm(List.of(a, b))).isEqualTo(5);
      new GradientClipping(NONE, 1).process(null, List.of(a, b));
      // PyTorch's factor: 1 / (5 + 1e-6).
      double scale = 1 / (5 + 1e-6);
      assertThat(gradient(a)[0]).isCloseTo(3 * scale, within(1e-6));
      assertThat(gradient(b)[1]).isCloseTo(4 * scale, within(1e-6));
      assertThat(GradientClipping.globalNorm(List.of(a, b))).isCloseTo(1, within(1e-6));

      Parameter small = parameter(wide, 0.3, 0.4);
      new GradientClipping(NONE, 1).process(null, List.of(small));
      assertThat(gradient(small))
          .as("a norm of 0.5 is left alone")
          .containsExactly(wide ? 0.3 : (float) 0.3, wide ? 0.4 : (float) 0.4);
    }
  }

  @Test
  void valueComesFirstThenTheNorm() {
    Parameter p = parameter(true, 10, 0);
    new GradientClipping(2, 1).process(null, List.of(p));
    assertThat(gradient(p)[0]).isCloseTo(2 / (2 + 1e-6), within(1e-9));
  }

  @Test
  void boundsMustBePositive() {
    for (double[] bad : new double[][] {{0, NONE}, {NONE, 0}, {-1, 1}, {1, Double.NaN}}) {
      assertThatThrownBy(() -> new GradientClipping(bad[0], bad[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("clip bounds must be > 0");
    }
  }
}
