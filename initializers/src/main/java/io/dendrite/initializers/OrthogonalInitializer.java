package io.dendrite.initializers;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Saxe et al.'s orthogonal initialization, built as PyTorch's {@code nn.init.orthogonal_}.
 *
 * <p>The Q of the QR decomposition of a standard normal matrix, with each column's sign flipped to
 * make R's diagonal positive (so that Q is uniformly distributed), times {@code gain}.
 *
 * <p>A matrix at least as tall as it is wide gets orthonormal columns ({@code WᵀW = gain² I}); a
 * wider one is decomposed transposed and gets orthonormal rows ({@code WWᵀ = gain² I}). The shape
 * is the matrix's own; the fans are not used. The decomposition is by Householder reflections in
 * double precision.
 */
public final class OrthogonalInitializer implements Initializer {
  static final Param<Double> GAIN =
      Param.number("gain", 1.0, "scale factor of the orthogonal matrix").greaterThan(0);

  /** Registers the initializer as {@code orthogonal}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "orthogonal",
                  "orthonormal rows or columns times gain, from the QR of a normal matrix (Saxe"
                      + " et al., 2014)")
              .params(GAIN),
          params -> new OrthogonalInitializer(params.get(GAIN)));
    }
  }

  private final double gain;

  private OrthogonalInitializer(double gain) {
    this.gain = gain;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    int rows = weights.rows();
    int cols = weights.cols();
    if (rows == 0 || cols == 0) {
      return;
    }
    // Drawn in the matrix's own row-major order, as PyTorch fills it, then decomposed tall.
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
    double[][] q = orthonormalColumns(a, m, n);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        weights.set(r, c, gain * (wide ? q[c][r] : q[r][c]));
      }
    }
  }

  /** The m×n Q of {@code a = QR} (m ≥ n) with R's diagonal positive; {@code a} is overwritten. */
  static double[][] orthonormalColumns(double[][] a, int m, int n) {
    double[][] reflectors = new double[n][];
    double[] diagonal = new double[n];
    for (int k = 0; k < n; k++) {
      double squares = 0;
      for (int i = k; i < m; i++) {
        squares += a[i][k] * a[i][k];
      }
      double norm = Math.sqrt(squares);
      // The reflection that sends column k to -sign(a_kk)·|x|·e_k avoids cancellation in v.
      double alpha = a[k][k] >= 0 ? -norm : norm;
      double[] v = new double[m - k];
      for (int i = k; i < m; i++) {
        v[i - k] = a[i][k];
      }
      v[0] -= alpha;
      double vSquares = 0;
      for (double x : v) {
        vSquares += x * x;
      }
      double vNorm = Math.sqrt(vSquares);
      diagonal[k] = alpha;
      if (vNorm == 0) {
        continue; // column k is already zero below the diagonal: no reflection needed
      }
      for (int i = 0; i < v.length; i++) {
        v[i] /= vNorm;
      }
      reflectors[k] = v;
      for (int j = k; j < n; j++) {
        double dot = 0;
        for (int i = k; i < m; i++) {
          dot += v[i - k] * a[i][j];
        }
        for (int i = k; i < m; i++) {
          a[i][j] -= 2 * dot * v[i - k];
        }
      }
    }
    // Q = H_0 H_1 ... H_(n-1) applied to the first n columns of the identity.
    double[][] q = new double[m][n];
    for (int j = 0; j < n; j++) {
      q[j][j] = 1;
    }
    for (int k = n - 1; k >= 0; k--) {
      double[] v = reflectors[k];
      if (v == null) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        double dot = 0;
        for (int i = k; i < m; i++) {
          dot += v[i - k] * q[i][j];
        }
        for (int i = k; i < m; i++) {
          q[i][j] -= 2 * dot * v[i - k];
        }
      }
    }
    // PyTorch's sign correction: Q·diag(sign(R_jj)), which makes R's diagonal positive.
    for (int j = 0; j < n; j++) {
      if (diagonal[j] < 0) {
        for (int i = 0; i < m; i++) {
          q[i][j] = -q[i][j];
        }
      }
    }
    return q;
  }
}
