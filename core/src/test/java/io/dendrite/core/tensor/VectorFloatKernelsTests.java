package io.dendrite.core.tensor;

import static io.dendrite.core.tensor.KernelFixtures.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.KernelFixtures.Form;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VectorFloatKernelsTests extends FloatKernelsContract {
  @Override
  protected FloatKernels kernels() {
    return VectorFloatKernels.INSTANCE;
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

  @Test
  void aSmallBatchForwardIsBitIdenticalWhateverTheThreadCount() {
    // Fewer rows than a vector holds takes the dot-product path, which must not depend on the
    // thread count either.
    int m = 9;
    int k = 1000;
    int n = 300;
    float[] a = random(m * k, 7);
    float[] b = random(k * n, 8);
    float[] one = new float[m * n];
    float[] three = new float[m * n];
    kernels().multiplyTransposedB(ComputePool.singleThreaded(), a, b, one, m, k, n);
    try (ComputePool pool = ComputePool.eager(3)) {
      kernels().multiplyTransposedB(pool, a, b, three, m, k, n);
    }
    assertThat(bits(three)).isEqualTo(bits(one));
  }
}
