package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

class RowwiseActivationTests {
  /** Each value minus its row's mean; backward writes gradA + 10 z + 100 a, to see every input. */
  static final class Centre extends RowwiseActivation {
    @Override
    protected void forwardRow(double[] z, double[] a, int n) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += z[i];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        a[i] = z[i] - mean;
      }
    }

    @Override
    protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
      for (int i = 0; i < n; i++) {
        gradZ[i] = gradA[i] + 10 * z[i] + 100 * a[i];
      }
    }
  }

  @Test
  void forwardActsOnEachRowAsAWholeInEitherPrecision() {
    Centre f = new Centre();
    Matrix z = Matrix.wrap(2, 3, new double[] {1, 2, 3, 10, 20, 60});
    Matrix a = Matrix.doubles(2, 3);
    f.forward(z, a);
    assertThat(a.doubles()).containsExactly(-1, 0, 1, -20, -10, 30);
    Matrix af = Matrix.floats(2, 3);
    f.forward(z.toFloats(), af);
    assertThat(af.floats()).containsExactly(-1f, 0f, 1f, -20f, -10f, 30f);
  }

  @Test
  void widerRowsGrowTheScratchNarrowerOnesReuseIt() {
    Centre f = new Centre();
    Matrix narrow = Matrix.wrap(1, 2, new float[] {1, 3});
    Matrix out = Matrix.floats(1, 2);
    f.forward(narrow, out);
    assertThat(out.floats()).containsExactly(-1f, 1f);
    Matrix wide = Matrix.wrap(1, 4, new float[] {0, 0, 0, 8});
    Matrix wideOut = Matrix.floats(1, 4);
    f.forward(wide, wideOut);
    assertThat(wideOut.floats()).containsExactly(-2f, -2f, -2f, 6f);
    f.forward(narrow, out);
    assertThat(out.floats()).containsExactly(-1f, 1f);
    Matrix g = Matrix.floats(1, 4);
    Matrix gz = Matrix.floats(1, 4);
    f.backward(Matrix.wrap(1, 4, new float[] {1, 2, 3, 4}), wideOut, g, gz);
    assertThat(gz.floats()).containsExactly(-190f, -180f, -170f, 640f);
  }

  @Test
  void backwardGivesEachRowItsZAAndGradient() {
    Centre f = new Centre();
    Matrix z = Matrix.wrap(2, 2, new double[] {1, 2, 3, 4});
    Matrix a = Matrix.wrap(2, 2, new double[] {0.5, 0.25, -1, 0});
    Matrix g = Matrix.wrap(2, 2, new double[] {7, 8, 9, 1});
    Matrix out = Matrix.doubles(2, 2);
    f.backward(z, a, g, out);
    assertThat(out.doubles()).containsExactly(67, 53, -61, 41);
    Matrix outF = Matrix.floats(2, 2);
    f.backward(z.toFloats(), a.toFloats(), g.toFloats(), outF);
    assertThat(outF.floats()).containsExactly(67f, 53f, -61f, 41f);
  }

  @Test
  void shapesMustMatch() {
    Centre f = new Centre();
    assertThatThrownBy(() -> f.forward(Matrix.floats(1, 3), Matrix.floats(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 1x2 does not match 1x3");
    assertThatThrownBy(
            () ->
                f.backward(
                    Matrix.floats(1, 3),
                    Matrix.floats(1, 3),
                    Matrix.floats(1, 3),
                    Matrix.floats(2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 2x3 does not match 1x3");
  }
}
