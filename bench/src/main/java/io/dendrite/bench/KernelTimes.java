package io.dendrite.bench;

import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.FloatKernels;
import io.dendrite.core.tensor.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The first two layers' multiplies timed call by call in a plain loop, after {@link Kernels#warmUp}
 * and in the JVM's own collector, as training runs them: the best and the 10th percentile of 4,000
 * calls, which a shared machine disturbs less than JMH's averages.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     io.dendrite.bench.KernelTimes [threads]
 * </pre>
 */
public final class KernelTimes {
  private static final int CALLS = 4000;
  private static final int BATCH = 64;

  private KernelTimes() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Kernels.warmUp(3000);
    FloatKernels kernels = FloatKernels.named("vector");
    int[][] layers = {{784, 256}, {256, 128}, {128, 10}};
    String[] forms = {"forward", "inputGradient", "weightGradient"};
    try (ComputePool pool = ComputePool.create(threads)) {
      for (int round = 0; round < 2; round++) {
        for (int[] layer : layers) {
          int in = layer[0];
          int out = layer[1];
          SplittableRandom random = new SplittableRandom(1);
          float[] x = random(BATCH * in, random);
          float[] w = random(out * in, random);
          float[] dy = random(BATCH * out, random);
          float[] y = new float[BATCH * out];
          float[] dx = new float[BATCH * in];
          float[] dw = new float[out * in];
          for (int f = 0; f < forms.length; f++) {
            long[] times = new long[CALLS];
            for (int call = 0; call < CALLS; call++) {
              long start = System.nanoTime();
              if (f == 0) {
                kernels.multiplyTransposedB(pool, x, w, y, BATCH, in, out);
              } else if (f == 1) {
                kernels.multiply(pool, dy, w, dx, BATCH, out, in);
              } else {
                kernels.multiplyTransposedA(pool, dy, x, dw, BATCH, out, in);
              }
              times[call] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            if (round == 1) {
              System.out.printf(
                  "%s %dx%d threads %d: best %.1f µs, 10th percentile %.1f µs (%.1f GFLOP/s)%n",
                  forms[f],
                  in,
                  out,
                  threads,
                  times[0] / 1e3,
                  times[CALLS / 10] / 1e3,
                  2.0 * BATCH * in * out / times[0]);
            }
          }
        }
      }
    }
  }

  private static float[] random(int size, SplittableRandom random) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
