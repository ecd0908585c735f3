package io.dendrite.spark.collective;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times rounds of the all-reduce between workers on threads of this process, over the loopback: the
 * cost of a data-parallel step's exchange without the training around it. Not a test; run it after
 * {@code ./mvnw -pl spark -am test-compile}:
 *
 * <pre>
 * java -cp spark/target/classes:spark/target/test-classes:core/target/classes \
 *     io.dendrite.spark.collective.AllReduceTimes [floats] [rounds] [workers]
 * </pre>
 *
 * <p>Prints the best, median and 90th percentile of worker 0's rounds after the first half, which
 * warm up the JIT. 100,000 floats is the gradient of the distributed example's network.
 */
public final class AllReduceTimes {
  private AllReduceTimes() {}

  public static void main(String[] args) throws Exception {
    int length = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    List<long[]> times =
        LoopbackWorkers.run(
            workers,
            Duration.ofSeconds(30),
            a -> {
              float[] values = new float[length];
              long[] t = new long[rounds];
              for (int round = 0; round < rounds; round++) {
                Arrays.fill(values, a.rank());
                long start = System.nanoTime();
                a.sum(round, 0, values, length, 0);
                t[round] = System.nanoTime() - start;
              }
              return t;
            });
    long[] t = times.get(0);
    long[] measured = Arrays.copyOfRange(t, rounds / 2, rounds);
    Arrays.sort(measured);
    System.out.printf(
        Locale.ROOT,
        "%d workers, %d floats: best %.0f µs, median %.0f µs, 90th percentile %.0f µs (%d"
            + " rounds after %d)%n",
        workers,
        length,
        measured[0] / 1e3,
        measured[measured.length / 2] / 1e3,
        measured[measured.length * 9 / 10] / 1e3,
        measured.length,
        rounds / 2);
  }
}
