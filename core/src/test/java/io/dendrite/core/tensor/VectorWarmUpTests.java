package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorWarmUpTests {
  @Test
  void selectedVectorKernelsAllocateNothingFromTheSecondCall() {
    Kernels.warmUp(3000);
    AllocationCounter counter = AllocationCounter.forCurrentThread();
    ComputePool pool = ComputePool.singleThreaded();
    assertThat(counter.counts()).isTrue();
    FloatKernels kernels = FloatKernels.current();
    // The layers of a small MLP at batch 16 and 7: shapes the warm-up did not use.
    int[][] layers = {{40, 64}, {64, 3}, {30, 20}};
    float[] a = KernelFixtures.random(64 * 64, 1);
    float[] b = KernelFixtures.random(64 * 64, 2);
    float[] c = new float[64 * 64];
    int[] batches = {16, 7};
    long last = -1;
    for (int step = 0; step < 200; step++) {
      long before = counter.allocated();
      for (int batch : batches) {
        for (int[] layer : layers) {
          int in = layer[0];
          int out = layer[1];
          kernels.multiplyTransposedB(pool, a, b, c, batch, in, out);
          kernels.multiply(pool, a, b, c, batch, out, in);
          kernels.multiplyTransposedA(pool, a, b, c, batch, out, in);
        }
      }
      last = counter.allocated() - before;
    }
    assertThat(last).as("bytes allocated by the last step").isZero();
  }
}
