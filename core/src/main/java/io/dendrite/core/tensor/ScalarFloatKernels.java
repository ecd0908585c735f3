package io.dendrite.core.tensor;

/** Float32 kernels in plain Java loops, for JVMs without the Vector API. */
final class ScalarFloatKernels implements FloatKernels {
  static final ScalarFloatKernels INSTANCE = new ScalarFloatKernels();

  @Override
  public void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      java.util.Arrays.fill(c, ci, ci + n, 0f);
      for (int p = 0; p < k; p++) {
        float av = a[i * k + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }

  @Override
  public void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      for (int j = 0; j < n; j++) {
        int bj = j * k;
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s += a[ai + p] * b[bj + p];
        }
        c[i * n + j] = s;
      }
    }
  }

  @Override
  public void multiplyTransposedA(float[] a, float[] b, float[] c, int k, int m, int n) {
    java.util.Arrays.fill(c, 0, m * n, 0f);
    for (int p = 0; p < k; p++) {
      int ap = p * m;
      int bp = p * n;
      for (int i = 0; i < m; i++) {
        float av = a[ap + i];
        int ci = i * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }
}
