package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

/** Random operands, float64 references and float32 error bounds for the kernel tests. */
final class KernelFixtures {
  /** Unit roundoff of float32. */
  static final double EPS = Math.ulp(1f) / 2;

  /** The three multiply forms, named by what they compute. */
  enum Form {
    MULTIPLY,
    TRANSPOSED_B,
    TRANSPOSED_A;

    /** Rows and columns of the left operand, for {@code c[m×n]} reduced over {@code k}. */
    int[] aShape(int m, int k) {
      return this == TRANSPOSED_A ? new int[] {k, m} : new int[] {m, k};
    }

    int[] bShape(int k, int n) {
      return this == TRANSPOSED_B ? new int[] {n, k} : new int[] {k, n};
    }

    void run(FloatKernels kernels, float[] a, float[] b, float[] c, int m, int k, int n) {
      run(kernels, ComputePool.singleThreaded(), a, b, c, m, k, n);
    }

    void run(
        FloatKernels kernels,
        ComputePool pool,
        float[] a,
        float[] b,
        float[] c,
        int m,
        int k,
        int n) {
      switch (this) {
        case MULTIPLY:
          kernels.multiply(pool, a, b, c, m, k, n);
          break;
        case TRANSPOSED_B:
          kernels.multiplyTransposedB(pool, a, b, c, m, k, n);
          break;
        default:
          kernels.multiplyTransposedA(pool, a, b, c, k, m, n);
          break;
      }
    }

    void reference(Matrix a, Matrix b, Matrix c) {
      switch (this) {
        case MULTIPLY:
          DoubleKernels.multiply(a, b, c);
          break;
        case TRANSPOSED_B:
          DoubleKernels.multiplyTransposedB(a, b, c);
          break;
        default:
          DoubleKernels.multiplyTransposedA(a, b, c);
          break;
      }
    }
  }

  private KernelFixtures() {}

  static float[] random(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  static Matrix toDoubles(float[] values, int rows, int cols) {
    return Matrix.wrap(rows, cols, values.clone()).toDoubles();
  }

  static Matrix abs(Matrix m) {
    Matrix out = m.copy();
    for (int i = 0; i < out.size(); i++) {
      out.set(i, Math.abs(out.get(i)));
    }
    return out;
  }

  /**
   * Checks {@code c} against the float64 product, within the classic bound for a sum of {@code k}
   * rounded products: {@code (k + 1)·u·Σ|a||b|} per element.
   */
  static void assertCloseToReference(
      Form form, float[] a, float[] b, float[] c, int m, int k, int n) {
    int[] as = form.aShape(m, k);
    int[] bs = form.bShape(k, n);
    Matrix da = toDoubles(a, as[0], as[1]);
    Matrix db = toDoubles(b, bs[0], bs[1]);
    Matrix exact = Matrix.doubles(m, n);
    Matrix magnitude = Matrix.doubles(m, n);
    form.reference(da, db, exact);
    form.reference(abs(da), abs(db), magnitude);
    for (int i = 0; i < m * n; i++) {
      double bound = (k + 1) * EPS * magnitude.get(i) + Float.MIN_NORMAL;
      double error = Math.abs(c[i] - exact.get(i));
      if (error > bound) {
        assertThat(error)
            .as(
                "%s %dx%dx%d: element (%d, %d) = %s, exact %s",
                form, m, k, n, i / n, i % n, c[i], exact.get(i))
            .isLessThanOrEqualTo(bound);
      }
    }
  }
}
