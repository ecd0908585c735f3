package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ElementwiseActivationTests {
  /** f(x) = x^3 / 3 + 0.1: rounding to float32 shows, and f'(x) = x^2 uses x, not y. */
  static final class Cubic extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return x * x * x / 3 + 0.1;
    }

    @Override
    protected double derivative(double x, double y) {
      return x * x + 0 * y;
    }
  }

  /** f(x) = 2x with f' read from y (= 2x) only, to see which argument backward passes where. */
  static final class FromY extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return 2 * x;
    }

    @Override
    protected double derivative(double x, double y) {
      return y;
    }
  }

  private static final double[] Z = {-2, -0.5, 0, 0.3, 1.7, 3};

  @Test
  void forwardAppliesToEveryValueInEitherPrecision() {
    Cubic f = new Cubic();
    Matrix zd = Matrix.wrap(2, 3, Z.clone());
    Matrix ad = Matrix.doubles(2, 3);
    f.forward(zd, ad);
    Matrix zf = zd.toFloats();
    Matrix af = Matrix.floats(2, 3);
    f.forward(zf, af);
    Matrix mixed = Matrix.doubles(2, 3);
    f.forward(zf, mixed);
    Matrix mixedToFloats = Matrix.floats(2, 3);
    f.forward(zd, mixedToFloats);
    for (int i = 0; i < Z.length; i++) {
      assertThat(ad.get(i)).isEqualTo(f.apply(Z[i]));
      double xf = zf.get(i);
      assertThat(af.floats()[i]).isEqualTo((float) f.apply(xf));
      assertThat(mixed.get(i)).isEqualTo(f.apply(xf));
      assertThat(mixedToFloats.floats()[i]).isEqualTo((float) f.apply(Z[i]));
    }
  }

  @Test
  void backwardMultipliesTheGradientByTheDerivativeInEitherPrecision() {
    Cubic f = new Cubic();
    double[] g = {1, 2, -1, 0.5, 3, -0.25};
    Matrix zd = Matrix.wrap(2, 3, Z.clone());
    Matrix ad = Matrix.doubles(2, 3);
    f.forward(zd, ad);
    Matrix gd = Matrix.wrap(2, 3, g.clone());
    Matrix outD = Matrix.doubles(2, 3);
    f.backward(zd, ad, gd, outD);
    Matrix outF = Matrix.floats(2, 3);
    f.backward(zd.toFloats(), ad.toFloats(), gd.toFloats(), outF);
    Matrix outMixed = Matrix.floats(2, 3);
    f.backward(zd.toFloats(), ad.toFloats(), gd, outMixed);
    for (int i = 0; i < Z.length; i++) {
      assertThat(outD.get(i)).isEqualTo(g[i] * (Z[i] * Z[i]));
      double xf = (float) Z[i];
      assertThat(outF.floats()[i]).isEqualTo((float) ((float) g[i] * (xf * xf)));
      assertThat(outMixed.floats()[i]).isEqualTo((float) (g[i] * (xf * xf)));
    }
  }

  @Test
  void backwardPassesZAsXAndAAsY() {
    FromY f = new FromY();
    Matrix z = Matrix.wrap(1, 2, new float[] {1, 2});
    Matrix a = Matrix.wrap(1, 2, new float[] {10, 20});
    Matrix g = Matrix.wrap(1, 2, new float[] {1, 1});
    Matrix out = Matrix.floats(1, 2);
    f.backward(z, a, g, out);
    assertThat(out.floats()).containsExactly(10f, 20f);
    Matrix outD = Matrix.doubles(1, 2);
    f.backward(z, a, g, outD);
    assertThat(outD.doubles()).containsExactly(10, 20);
  }

  @Test
  void shapesMustMatch() {
    Cubic f = new Cubic();
    assertThatThrownBy(() -> f.forward(Matrix.floats(2, 3), Matrix.floats(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 3x2 does not match 2x3");
    assertThatThrownBy(
            () ->
                f.backward(
                    Matrix.floats(2, 3),
                    Matrix.floats(2, 3),
                    Matrix.floats(2, 3),
                    Matrix.floats(2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 2x2 does not match 2x3");
  }
}
