package io.dendrite.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Training steps timed one by one beside a probe of the machine itself, to tell a slow kernel from
 * a slow machine.
 *
 * <p>The probe is a loop of independent fused multiply-adds on registers and 16 KB of L1-resident
 * data: it does the same work at every call, so any spread in its times comes from the machine (a
 * shared core's other hyperthread, the host's scheduler, the clock), not from our code. When the
 * step's median over its best matches the probe's, the step is as steady as the machine lets it be;
 * JMH's medians far above its best calls have the same cause.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     io.dendrite.bench.StepTimes [threads]
 * </pre>
 */
public final class StepTimes {
  private static final int CALLS = 3000;
  private static final int ROUNDS = 3;
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  // Passes over the probe's 4,096 floats: about as long as a training step at 8 lanes.
  private static final int PROBE_PASSES = 2000;

  private StepTimes() {}

  public static void main(String[] args) {
    TrainingStepBenchmark benchmark = new TrainingStepBenchmark();
    benchmark.threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    benchmark.batch = 64;
    benchmark.setUp();
    float[] probeData = new float[4096];
    for (int i = 0; i < probeData.length; i++) {
      probeData[i] = i * 1e-9f;
    }
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        long[] steps = new long[CALLS];
        long[] probes = new long[CALLS];
        long allocated = allocatedBytes();
        time(benchmark, probeData, steps, probes);
        allocated = allocatedBytes() - allocated;
        System.out.printf(
            "round %d, threads %d%n  step  %s%n  probe %s, best %.0f GFLOP/s%n"
                + "  allocated %d B per step and probe%n",
            round,
            benchmark.threads,
            spread(steps),
            spread(probes),
            probeGflops(probes),
            allocated / CALLS);
      }
    } finally {
      benchmark.tearDown();
    }
  }

  /**
   * Steps and probes interleaved call by call, so that both see the same moments of the machine.
   */
  private static void time(
      TrainingStepBenchmark benchmark, float[] probeData, long[] steps, long[] probes) {
    double sink = 0;
    for (int call = 0; call < steps.length; call++) {
      long start = System.nanoTime();
      sink += benchmark.step();
      long middle = System.nanoTime();
      sink += probe(probeData);
      probes[call] = System.nanoTime() - middle;
      steps[call] = middle - start;
    }
    if (sink == 42) {
      System.out.println(); // keeps the results alive
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static double probeGflops(long[] times) {
    long best = Arrays.stream(times).min().orElseThrow();
    // 10 fma per iteration, 2 flops per lane
    return 10.0 * 2 * SPECIES.length() * PROBE_PASSES * 4096 / (2 * SPECIES.length()) / best;
  }

  /** The best, the percentiles and the median over the best, in µs. */
  static String spread(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format(
        "best %.0f  p10 %.0f  p25 %.0f  median %.0f  p75 %.0f  p90 %.0f µs  (median/best %.2f)",
        sorted[0] / 1e3,
        sorted[n / 10] / 1e3,
        sorted[n / 4] / 1e3,
        sorted[n / 2] / 1e3,
        sorted[3 * n / 4] / 1e3,
        sorted[9 * n / 10] / 1e3,
        (double) sorted[n / 2] / sorted[0]);
  }

  /**
   * Ten independent FMA chains over L1-resident data, about a millisecond of them: throughput-bound
   * and the same every call. One loop, not two nested ones: the JIT of JDK 17 keeps vectors carried
   * around an outer loop in objects, which would make the probe measure the collector.
   */
  static float probe(float[] data) {
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero;
    FloatVector a5 = zero, a6 = zero, a7 = zero, a8 = zero, a9 = zero;
    FloatVector x = FloatVector.broadcast(SPECIES, 1.0000001f);
    int step = 2 * SPECIES.length();
    int mask = data.length - step; // data.length is a power of two
    for (int i = 0; i < PROBE_PASSES * data.length; i += step) {
      int j = i & mask;
      FloatVector b0 = FloatVector.fromArray(SPECIES, data, j);
      FloatVector b1 = FloatVector.fromArray(SPECIES, data, j + SPECIES.length());
      a0 = b0.fma(x, a0);
      a1 = b1.fma(x, a1);
      a2 = b0.fma(b1, a2);
      a3 = b1.fma(b0, a3);
      a4 = b0.fma(b0, a4);
      a5 = b1.fma(b1, a5);
      a6 = x.fma(b0, a6);
      a7 = x.fma(b1, a7);
      a8 = b0.fma(a0, a8);
      a9 = b1.fma(a1, a9);
    }
    return a0.add(a1)
        .add(a2)
        .add(a3)
        .add(a4)
        .add(a5)
        .add(a6)
        .add(a7)
        .add(a8)
        .add(a9)
        .reduceLanes(VectorOperators.ADD);
  }
}
