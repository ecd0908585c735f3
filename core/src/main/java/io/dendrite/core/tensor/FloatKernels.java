package io.dendrite.core.tensor;

/**
 * Float32 matrix multiply on raw row-major arrays: the hot spot of training.
 *
 * <p>Implementations must give bit-identical results for any thread count: work is split by output
 * rows or columns over {@code pool}, and each output element is accumulated in an order that does
 * not depend on the split. They overwrite {@code c}: whatever it held before does not matter.
 */
public interface FloatKernels {
  /** System property that forces an implementation by name: {@code scalar} or {@code vector}. */
  String PROPERTY = "dendrite.kernels";

  /** {@code c[m×n] = a[m×k] · b[k×n]}. */
  void multiply(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n);

  /** {@code c[m×n] = a[m×k] · b[n×k]ᵀ}. */
  void multiplyTransposedB(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n);

  /**
   * {@code c[m×n] = a[m×k] · b[n×k]ᵀ}, then {@code row[n]} added to every row: a dense layer's
   * forward pass with its bias. The bits are those of {@link #multiplyTransposedB} followed by the
   * addition; implementations fold the addition into writing {@code c}.
   */
  default void multiplyTransposedBAddRow(
      ComputePool pool, float[] a, float[] b, float[] row, float[] c, int m, int k, int n) {
    multiplyTransposedB(pool, a, b, c, m, k, n);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        c[base + j] += row[j];
      }
    }
  }

  /** {@code c[m×n] = a[k×m]ᵀ · b[k×n]}. */
  void multiplyTransposedA(ComputePool pool, float[] a, float[] b, float[] c, int k, int m, int n);

  /**
   * {@code into[offset + j] = v / divisor} for the bytes {@code v = values[from + j]} (unsigned, or
   * signed when {@code signed}) that whole vectors cover, in float32 division: byte features to a
   * batch's floats. Returns how many it converted; the caller converts the rest ({@code count}
   * minus the result), and the plain kernels leave it all to the caller.
   */
  default int divideBytes(
      byte[] values, int from, int count, float[] into, int offset, float divisor, boolean signed) {
    return 0;
  }

  /**
   * The kernels in use: the Vector API ones when {@code jdk.incubator.vector} is present, else
   * plain loops; the {@value #PROPERTY} property overrides the choice.
   */
  static FloatKernels current() {
    return KernelSelection.CURRENT;
  }

  /**
   * The implementation called {@code name}: {@code scalar} (plain loops, always available) or
   * {@code vector} (the Vector API).
   *
   * @throws IllegalArgumentException for another name
   * @throws UnsupportedOperationException for {@code vector} when the module is absent
   */
  static FloatKernels named(String name) {
    return KernelSelection.named(name);
  }

  /**
   * Runs the kernels on small inputs until the JIT has compiled them, for at most {@code
   * maxMillis}. Until then, Vector API operations allocate an object each (breaking the promise
   * that a training step allocates nothing) and run a hundred times slower. Results never depend on
   * it. Only the first call does anything.
   */
  static void warmUp(long maxMillis) {
    KernelSelection.warmUp(maxMillis);
  }

  /**
   * True when {@link #current()} is the Vector API implementation: other code with a vector and a
   * plain form of a loop (the optimizers' updates) picks the same, so that {@value #PROPERTY}
   * switches both.
   */
  static boolean vectorInUse() {
    return KernelSelection.CURRENT != ScalarFloatKernels.INSTANCE;
  }

  /** True when this JVM was started with the {@code jdk.incubator.vector} module. */
  static boolean vectorAvailable() {
    return KernelSelection.vectorAvailable();
  }
}
