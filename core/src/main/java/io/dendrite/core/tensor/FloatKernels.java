package io.dendrite.core.tensor;

/**
 * Float32 matrix multiply on raw row-major arrays: the hot spot of training.
 *
 * <p>Implementations must give bit-identical results for any thread count: work is split by
 * output rows, and each output element is accumulated in an order that does not depend on the
 * split.
 */
public interface FloatKernels {
  /** {@code c[m×n] = a[m×k] · b[k×n]}. */
  void multiply(float[] a, float[] b, float[] c, int m, int k, int n);

  /** {@code c[m×n] = a[m×k] · b[n×k]ᵀ}. */
  void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int k, int n);

  /** {@code c[m×n] = a[k×m]ᵀ · b[k×n]}. */
  void multiplyTransposedA(float[] a, float[] b, float[] c, int k, int m, int n);

  /** The kernels in use: the fastest available in this JVM. */
  static FloatKernels current() {
    return ScalarFloatKernels.INSTANCE;
  }
}
