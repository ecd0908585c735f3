package io.dendrite.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code orthogonal} gives orthonormal columns (tall) or rows (wide) times the gain, and is the Q
 * that PyTorch's construction gives: the Q of the QR of the standard normal matrix drawn in
 * row-major order (transposed when wide), with R's diagonal positive.
 */
class OrthogonalInitializerTests {
  private static Matrix draw(int rows, int cols, double gain, long seed, boolean doubles) {
    return Draws.draw(
        new OrthogonalInitializer.Plugin(), Map.of("gain", gain), rows, cols, seed, doubles);
  }

  /** {@code WᵀW} when tall, {@code WWᵀ} when wide: the Gram matrix of the orthonormal side. */
  private static double[][] gram(Matrix w) {
    boolean wide = w.rows() < w.cols();
    int n = wide ? w.rows() : w.cols();
    int m = wide ? w.cols() : w.rows();
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < m; k++) {
          s += wide ? w.get(i, k) * w.get(j, k) : w.get(k, i) * w.get(k, j);
        }
        g[i][j] = s;
      }
    }
    return g;
  }

  @ParameterizedTest(name = "{0}x{1}, gain {2}")
  @CsvSource({
    "8, 8, 1",
    "20, 5, 1",
    "5, 20, 1",
    "1, 1, 1",
    "1, 7, 1",
    "7, 1, 1",
    "64, 64, 1",
    "100, 30, 2.5",
    "30, 100, 0.5"
  })
  void theOrthonormalSideHasAGramMatrixOfGainSquaredTimesTheIdentity(
      int rows, int cols, double gain) {
    for (boolean doubles : new boolean[] {true, false}) {
      double[][] g = gram(draw(rows, cols, gain, 1, doubles));
      for (int i = 0; i < g.length; i++) {
        for (int j = 0; j < g.length; j++) {
          assertThat(g[i][j])
              .as("Gram matrix [%d][%d] of a %dx%d %s matrix", i, j, rows, cols, doubles)
              .isCloseTo(i == j ? gain * gain : 0, within(1e-5));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"8, 8", "20, 5", "5, 20", "1, 1", "1, 7", "7, 1", "40, 39"})
  void isTheQWithAPositiveDiagonalOfTheNormalMatrixDrawnRowByRow(int rows, int cols) {
    double gain = 1.5;
    Matrix w = draw(rows, cols, gain, 9, true);
    Rng rng = new Rng(9);
    boolean wide = rows < cols;
    int m = wide ? cols : rows;
    int n = wide ? rows : cols;
    double[][] a = new double[m][n];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double g = rng.nextGaussian();
        if (wide) {
          a[c][r] = g;
        } else {
          a[r][c] = g;
        }
      }
    }
    // R = Qᵀ A must be upper triangular with a positive diagonal, and Q R must give A back.
    double[][] q = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] = (wide ? w.get(j, i) : w.get(i, j)) / gain;
      }
    }
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < m; k++) {
          r[i][j] += q[k][i] * a[k][j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      assertThat(r[i][i]).as("R[%d][%d]", i, i).isGreaterThan(0);
      for (int j = 0; j < i; j++) {
        assertThat(r[i][j]).as("R[%d][%d], below the diagonal", i, j).isCloseTo(0, within(1e-12));
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += q[i][k] * r[k][j];
        }
        assertThat(s).as("(QR)[%d][%d]", i, j).isCloseTo(a[i][j], within(1e-12));
      }
    }
  }
}
