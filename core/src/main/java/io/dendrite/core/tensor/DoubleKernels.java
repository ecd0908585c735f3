package io.dendrite.core.tensor;

/**
 * Plain float64 kernels: the reference the fast float32 ones are tested against, and the engine of
 * gradient checks. Clarity over speed.
 */
final class DoubleKernels {
  private DoubleKernels() {}

  static void multiply(Matrix a, Matrix b, Matrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a.get(i, p) * b.get(p, j);
        }
        c.set(i, j, s);
      }
    }
  }

  static void multiplyTransposedB(Matrix a, Matrix b, Matrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.rows();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a.get(i, p) * b.get(j, p);
        }
        c.set(i, j, s);
      }
    }
  }

  static void multiplyTransposedA(Matrix a, Matrix b, Matrix c) {
    int k = a.rows();
    int m = a.cols();
    int n = b.cols();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a.get(p, i) * b.get(p, j);
        }
        c.set(i, j, s);
      }
    }
  }
}
