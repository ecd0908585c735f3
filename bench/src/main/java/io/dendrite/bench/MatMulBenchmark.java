package io.dendrite.bench;

import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.FloatKernels;
import io.dendrite.core.tensor.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three multiplies of a dense layer's training step, at the layers of a 784-256-128-10 MLP.
 *
 * <p>{@code layer} is {@code in x out}; the batch is {@code batch} rows. Each benchmark does {@code
 * 2·batch·in·out} floating-point operations, so GFLOP/s is {@code 2·batch·in·out / (time in ns)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class MatMulBenchmark {
  @Param({"784x256", "256x128", "128x10"})
  public String layer;

  @Param({"64"})
  public int batch;

  @Param({"scalar", "vector"})
  public String kernels;

  @Param({"1", "2"})
  public int threads;

  private FloatKernels impl;
  private ComputePool pool;
  private int in;
  private int out;
  private float[] x;
  private float[] w;
  private float[] y;
  private float[] dy;
  private float[] dx;
  private float[] dw;

  @Setup(Level.Trial)
  public void setUp() {
    // As training does before its first step: the kernels compiled on small shapes that take
    // every branch, so that the JIT's profile is training's, not one shape's.
    Kernels.warmUp(3000);
    String[] dims = layer.split("x");
    in = Integer.parseInt(dims[0]);
    out = Integer.parseInt(dims[1]);
    impl = FloatKernels.named(kernels);
    pool = ComputePool.create(threads);
    SplittableRandom random = new SplittableRandom(42);
    x = random(batch * in, random);
    w = random(out * in, random);
    dy = random(batch * out, random);
    y = new float[batch * out];
    dx = new float[batch * in];
    dw = new float[out * in];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
  }

  private static float[] random(int size, SplittableRandom random) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  /** Forward {@code y = x·Wᵀ}. */
  @Benchmark
  public float[] forward() {
    impl.multiplyTransposedB(pool, x, w, y, batch, in, out);
    return y;
  }

  /** Input gradient {@code dx = dy·W}. */
  @Benchmark
  public float[] inputGradient() {
    impl.multiply(pool, dy, w, dx, batch, out, in);
    return dx;
  }

  /** Weight gradient {@code dW = dyᵀ·x}. */
  @Benchmark
  public float[] weightGradient() {
    impl.multiplyTransposedA(pool, dy, x, dw, batch, out, in);
    return dw;
  }
}
