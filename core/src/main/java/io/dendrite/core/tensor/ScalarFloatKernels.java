package io.dendrite.core.tensor;

import java.util.Arrays;

/**
 * Float32 kernels in plain Java loops, for JVMs without the Vector API.
 *
 * <p>Large multiplies are split by output rows over the {@link ComputePool}; every element is
 * summed in increasing order of the reduction index whatever the split.
 */
final class ScalarFloatKernels implements FloatKernels {
  static final ScalarFloatKernels INSTANCE = new ScalarFloatKernels();

  private static final int MULTIPLY = 0;
  private static final int TRANSPOSED_B = 1;
  private static final int TRANSPOSED_A = 2;

  private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);

  private ScalarFloatKernels() {}

  @Override
  public void multiply(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    run(pool, MULTIPLY, a, b, c, m, k, n);
  }

  @Override
  public void multiplyTransposedB(
      ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    run(pool, TRANSPOSED_B, a, b, c, m, k, n);
  }

  @Override
  public void multiplyTransposedA(
      ComputePool pool, float[] a, float[] b, float[] c, int k, int m, int n) {
    run(pool, TRANSPOSED_A, a, b, c, m, k, n);
  }

  private static void run(
      ComputePool pool, int form, float[] a, float[] b, float[] c, int m, int k, int n) {
    Job job = JOBS.get();
    job.form = form;
    job.a = a;
    job.b = b;
    job.c = c;
    job.m = m;
    job.k = k;
    job.n = n;
    try {
      // A scalar multiply-add costs about as much as a whole vector of them in the vector kernels.
      pool.run(job, m, 1, (long) m * n * k * 16);
    } finally {
      job.a = null;
      job.b = null;
      job.c = null;
    }
  }

  /** One multiply in flight; reused per calling thread so that a call allocates nothing. */
  private static final class Job implements ComputePool.RowTask {
    int form;
    float[] a;
    float[] b;
    float[] c;
    int m;
    int k;
    int n;

    @Override
    public void run(int from, int to) {
      switch (form) {
        case MULTIPLY:
          multiply(a, b, c, k, n, from, to);
          break;
        case TRANSPOSED_B:
          multiplyTransposedB(a, b, c, k, n, from, to);
          break;
        default:
          multiplyTransposedA(a, b, c, m, k, n, from, to);
          break;
      }
    }
  }

  private static void multiply(float[] a, float[] b, float[] c, int k, int n, int from, int to) {
    for (int i = from; i < to; i++) {
      int ci = i * n;
      Arrays.fill(c, ci, ci + n, 0f);
      for (int p = 0; p < k; p++) {
        float av = a[i * k + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }

  private static void multiplyTransposedB(
      float[] a, float[] b, float[] c, int k, int n, int from, int to) {
    for (int i = from; i < to; i++) {
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

  private static void multiplyTransposedA(
      float[] a, float[] b, float[] c, int m, int k, int n, int from, int to) {
    Arrays.fill(c, from * n, to * n, 0f);
    for (int p = 0; p < k; p++) {
      int ap = p * m;
      int bp = p * n;
      for (int i = from; i < to; i++) {
        float av = a[ap + i];
        int ci = i * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }
}
