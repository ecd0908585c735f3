package io.dendrite.core.tensor;

import static io.dendrite.core.tensor.KernelFixtures.assertCloseToReference;
import static io.dendrite.core.tensor.KernelFixtures.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.KernelFixtures.Form;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link FloatKernels} implementation must do; subclasses name the implementation. */
abstract class FloatKernelsContract {
  private static final int[] ROWS = {1, 3, 4, 5, 16, 17, 33, 64};
  private static final int[] DEPTHS = {1, 3, 17, 33, 785};
  private static final int[] COLS = {1, 3, 10, 16, 17, 33, 47, 49, 65, 100};

  protected abstract FloatKernels kernels();

  @ParameterizedTest
  @EnumSource(Form.class)
  void matchesTheFloat64ProductForManyShapes(Form form) {
    for (int m : ROWS) {
      for (int k : DEPTHS) {
        for (int n : COLS) {
          float[] a = random(m * k, 31L * m + k);
          float[] b = random(k * n, 17L * k + n);
          float[] c = new float[m * n];
          form.run(kernels(), a, b, c, m, k, n);
          assertCloseToReference(form, a, b, c, m, k, n);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void overwritesWhateverTheOutputHeld(Form form) {
    // 300 rows of reduction cross a cache block, where partial sums are read back from c.
    for (int[] shape : new int[][] {{5, 300, 33}, {20, 7, 3}, {2, 17, 10}}) {
      int m = shape[0];
      int k = shape[1];
      int n = shape[2];
      float[] a = random(m * k, 3);
      float[] b = random(k * n, 4);
      float[] clean = new float[m * n];
      float[] dirty = new float[m * n];
      Arrays.fill(dirty, Float.NaN);
      form.run(kernels(), a, b, clean, m, k, n);
      form.run(kernels(), a, b, dirty, m, k, n);
      assertThat(dirty).containsExactly(clean);
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void anEmptyReductionGivesZeros(Form form) {
    float[] c = new float[6 * 35];
    Arrays.fill(c, 7f);
    form.run(kernels(), new float[0], new float[0], c, 6, 0, 35);
    assertThat(c).containsOnly(0f);
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void isBitIdenticalWhateverTheThreadCount(Form form) {
    // Odd sizes, so that blocks split mid-tile and vector tails differ between threads.
    int m = 203;
    int k = 785;
    int n = 259;
    float[] a = random(m * k, 5);
    float[] b = random(k * n, 6);
    float[][] results = new float[3][m * n];
    for (int threads = 1; threads <= 3; threads++) {
      try (ComputePool pool = ComputePool.eager(threads)) {
        form.run(kernels(), pool, a, b, results[threads - 1], m, k, n);
      }
    }
    assertThat(bits(results[1])).isEqualTo(bits(results[0]));
    assertThat(bits(results[2])).isEqualTo(bits(results[0]));
    assertCloseToReference(form, a, b, results[0], m, k, n);
  }

  @org.junit.jupiter.api.Test
  void theBiasFormGivesTheBitsOfTheProductThenTheAdditionForAnyThreadCount() {
    // Rows below and above a vector's width take the dot and the transposed paths; odd sizes split
    // pieces mid-tile.
    for (int[] shape : new int[][] {{3, 785, 259}, {64, 784, 256}, {203, 129, 17}, {17, 0, 5}}) {
      int m = shape[0];
      int k = shape[1];
      int n = shape[2];
      float[] a = random(m * k, 7);
      float[] b = random(n * k, 8);
      float[] row = random(n, 9);
      float[] expected = new float[m * n];
      kernels().multiplyTransposedB(ComputePool.singleThreaded(), a, b, expected, m, k, n);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          expected[i * n + j] += row[j];
        }
      }
      for (int threads = 1; threads <= 3; threads++) {
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN);
        try (ComputePool pool = ComputePool.eager(threads)) {
          kernels().multiplyTransposedBAddRow(pool, a, b, row, c, m, k, n);
        }
        assertThat(bits(c))
            .as("%s, %d threads", Arrays.toString(shape), threads)
            .isEqualTo(bits(expected));
      }
    }
  }

  static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
