package io.dendrite.core.tensor;

import static io.dendrite.core.tensor.KernelFixtures.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.KernelFixtures.Form;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VectorFloatKernelsTests extends FloatKernelsContract {
  @Override
  protected FloatKernels kernels() {
    return VectorFloatKernels.INSTANCE;
  }

  /** One multiply into {@code c}, on {@code pool}. */
  private interface Product {
    void into(ComputePool pool, float[] c);
  }

  /**
   * The product on one, two and three threads, which must agree bit for bit. Two and three take
   * different paths where a batch has two strips: a strip per thread, or panels shared out.
   */
  private static float[] onOneAndThreeThreads(int size, Product product) {
    float[] one = new float[size];
    product.into(ComputePool.singleThreaded(), one);
    for (int threads = 2; threads <= 3; threads++) {
      float[] many = new float[size];
      try (ComputePool pool = ComputePool.eager(threads)) {
        product.into(pool, many);
      }
      assertThat(bits(many)).as("%d threads", threads).isEqualTo(bits(one));
    }
    return one;
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void agreesWithTheScalarKernels(Form form) {
    int m = 37;
    int k = 129;
    int n = 51;
    float[] a = random(m * k, 1);
    float[] b = random(k * n, 2);
    float[] fast = new float[m * n];
    float[] plain = new float[m * n];
    form.run(kernels(), a, b, fast, m, k, n);
    form.run(ScalarFloatKernels.INSTANCE, a, b, plain, m, k, n);
    // Each is within (k + 1)·u·Σ|a||b| <= (k + 1)·u·k of the exact product.
    Offset<Float> tolerance = Offset.offset((float) (2 * (k + 1) * KernelFixtures.EPS * k));
    for (int i = 0; i < fast.length; i++) {
      assertThat(fast[i]).as("element %d", i).isCloseTo(plain[i], tolerance);
    }
  }

  @ParameterizedTest
  @CsvSource({"37, 129, 51", "256, 64, 784", "13, 300, 35", "6, 5, 16"})
  void weightGradientsFromPackedTilesHaveTheBitsOfTheStridedTiles(int m, int k, int n) {
    // multiplyTransposedA packs panels of aᵀ and strips of b; every element must still be the
    // strided kernel's chain of fma, with one thread or three.
    float[] a = random(k * m, 3);
    float[] b = random(k * n, 4);
    float[] strided = new float[m * n];
    VectorFloatKernels.axpy(a, 1, m, b, n, strided, n, k, 0, m, 0, n);
    float[] packed =
        onOneAndThreeThreads(
            m * n, (pool, c) -> kernels().multiplyTransposedA(pool, a, b, c, k, m, n));
    assertThat(bits(packed)).isEqualTo(bits(strided));
  }

  @ParameterizedTest
  @CsvSource({"37, 129, 51", "64, 784, 256", "17, 40, 33"})
  void aForwardWithBiasIsBitIdenticalWhateverTheThreadCount(int m, int k, int n) {
    // Transposed in, multiplied and transposed back with the bias, each call in pieces.
    float[] a = random(m * k, 5);
    float[] b = random(n * k, 6);
    float[] row = random(n, 7);
    float[] one =
        onOneAndThreeThreads(
            m * n, (pool, c) -> kernels().multiplyTransposedBAddRow(pool, a, b, row, c, m, k, n));
    float[] plain = new float[m * n];
    ScalarFloatKernels.INSTANCE.multiplyTransposedBAddRow(
        ComputePool.singleThreaded(), a, b, row, plain, m, k, n);
    Offset<Float> tolerance = Offset.offset((float) (2 * (k + 1) * KernelFixtures.EPS * k));
    for (int i = 0; i < one.length; i++) {
      assertThat(one[i]).as("element %d", i).isCloseTo(plain[i], tolerance);
    }
  }

  @ParameterizedTest
  @CsvSource({"64, 784, 256", "37, 129, 51", "19, 40, 33", "17, 300, 7", "8, 1, 6", "64, 0, 10"})
  void forwardsFromPaddedPanelsHaveTheBitsOfTheStridedTiles(int m, int k, int n) {
    // a·bᵀ packs strips of aᵀ, reads whole panels of b's rows in place and packs the last one,
    // padded with zeros to whole tiles; every element must still be the strided kernel's chain
    // of fma on aᵀ, with one thread or three. Batches of 16 rows or more, as 512-bit vectors hold
    // 16 lanes: fewer go to dot products (aSmallBatchForward...), which sum in another order.
    float[] a = random(m * k, 10);
    float[] b = random(n * k, 11);
    float[] at = new float[k * m];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        at[p * m + i] = a[i * k + p];
      }
    }
    float[] ct = new float[n * m];
    VectorFloatKernels.axpy(b, k, 1, at, m, ct, m, k, 0, n, 0, m);
    float[] strided = new float[m * n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        strided[i * n + j] = ct[j * m + i];
      }
    }
    float[] packed =
        onOneAndThreeThreads(
            m * n, (pool, c) -> kernels().multiplyTransposedB(pool, a, b, c, m, k, n));
    assertThat(bits(packed)).isEqualTo(bits(strided));
  }

  @ParameterizedTest
  @CsvSource({"64, 256, 784", "33, 40, 17", "300, 20, 16"})
  void productsFromPanelsPackedWholeHaveTheBitsOfRowsOneByOne(int m, int k, int n) {
    // With no more rows than whole strips (64x256x784), a·b packs all of a's panels for the whole
    // reduction once and shares out the strips; with more (the other two), each thread packs its
    // own rows' panels. Either way the same chains of fma, with one thread or three.
    float[] a = random(m * k, 12);
    float[] b = random(k * n, 13);
    float[] rowByRow = new float[m * n];
    for (int i = 0; i < m; i++) {
      VectorFloatKernels.axpy(a, k, 1, b, n, rowByRow, n, k, i, i + 1, 0, n);
    }
    float[] packed =
        onOneAndThreeThreads(m * n, (pool, c) -> kernels().multiply(pool, a, b, c, m, k, n));
    assertThat(bits(packed)).isEqualTo(bits(rowByRow));
  }

  @ParameterizedTest
  @CsvSource({"37, 129, 51", "64, 784, 256", "13, 40, 16", "6, 3, 17"})
  void productsWithSixRowTilesHaveTheBitsOfFourRowTiles(int m, int k, int n) {
    // a·b and the forward take 6-row tiles on two-vector strips; every element must still be the
    // chain of fma that 4-row and 1-row tiles compute, so results are those of rows one by one.
    float[] a = random(m * k, 8);
    float[] b = random(k * n, 9);
    float[] rowByRow = new float[m * n];
    for (int i = 0; i < m; i++) {
      VectorFloatKernels.axpy(a, k, 1, b, n, rowByRow, n, k, i, i + 1, 0, n);
    }
    float[] tiled = new float[m * n];
    kernels().multiply(ComputePool.singleThreaded(), a, b, tiled, m, k, n);
    assertThat(bits(tiled)).isEqualTo(bits(rowByRow));
  }

  @Test
  void aSmallBatchForwardIsBitIdenticalWhateverTheThreadCount() {
    // Fewer rows than a vector holds takes the dot-product path, which must not depend on the
    // thread count either.
    int m = 9;
    int k = 1000;
    int n = 300;
    float[] a = random(m * k, 7);
    float[] b = random(k * n, 8);
    onOneAndThreeThreads(m * n, (pool, c) -> kernels().multiplyTransposedB(pool, a, b, c, m, k, n));
  }
}
