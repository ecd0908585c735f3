package io.dendrite.spark.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The all-reduce between workers on threads of this process, over sockets on the loopback. */
@Timeout(60)
class AllReduceTests {
  @ParameterizedTest(name = "{0} workers, {1} values")
  @CsvSource({"2, 0", "2, 1", "2, 100003", "3, 1", "3, 7", "3, 100003", "4, 2", "4, 65536"})
  void everyWorkerEndsWithTheSumInRankOrder(int workers, int length) throws Exception {
    Random random = new Random(length * 31L + workers);
    float[][] values = new float[workers][length];
    double[] extras = new double[workers];
    for (int k = 0; k < workers; k++) {
      extras[k] = random.nextGaussian() * Math.pow(10, k);
      for (int i = 0; i < length; i++) {
        // Magnitudes far apart, so that adding in another order gives other bits.
        values[k][i] = (float) (random.nextGaussian() * Math.pow(1e3, random.nextInt(3)));
      }
    }
    float[] expected = new float[length];
    float[] reversed = new float[length];
    double expectedExtra = 0;
    for (int k = 0; k < workers; k++) {
      expectedExtra += extras[k];
      for (int i = 0; i < length; i++) {
        expected[i] = k == 0 ? values[0][i] : expected[i] + values[k][i];
        int r = workers - 1 - k;
        reversed[i] = k == 0 ? values[r][i] : reversed[i] + values[r][i];
      }
    }
    double sumOfExtras = expectedExtra;
    List<float[]> results =
        LoopbackWorkers.run(
            workers,
            Duration.ofSeconds(20),
            a -> {
              float[] mine = values[a.rank()].clone();
              double extra = a.sum(3, 1, mine, length, extras[a.rank()]);
              assertThat(extra).isEqualTo(sumOfExtras);
              return mine;
            });
    for (float[] r : results) {
      assertThat(bits(r)).isEqualTo(bits(expected));
    }
    if (workers > 2 && length > 1000) {
      // The test could tell: the other order gives other bits somewhere.
      assertThat(bits(reversed)).isNotEqualTo(bits(expected));
    }
  }

  @Test
  void roundsOfOtherLengthsFollowOneAnother() throws Exception {
    int[] lengths = {5, 200_000, 1, 0, 33, 1_000_000, 2};
    List<float[]> results =
        LoopbackWorkers.run(
            3,
            Duration.ofSeconds(20),
            a -> {
              float[] last = null;
              for (int round = 0; round < lengths.length; round++) {
                float[] v = new float[lengths[round]];
                java.util.Arrays.fill(v, a.rank() + round);
                a.sum(round, round % 16, v, v.length, 0);
                for (float x : v) {
                  // 0 + 1 + 2 plus three times the round: small whole numbers add exactly.
                  assertThat(x).isEqualTo(3f + 3 * round);
                }
                last = v;
              }
              return last;
            });
    assertThat(results).hasSize(3);
  }

  @Test
  void largeArraysGoBothWaysWithoutBlocking() throws Exception {
    // 64 MB a worker: far more than any socket buffer, so a blocking write each way would hang.
    int length = 16 << 20;
    List<float[]> results =
        LoopbackWorkers.run(
            2,
            Duration.ofSeconds(20),
            a -> {
              float[] v = new float[length];
              java.util.Arrays.fill(v, a.rank() + 1);
              a.sum(1, 0, v, length, 0);
              return new float[] {v[0], v[length / 2], v[length - 1]};
            });
    for (float[] r : results) {
      assertThat(r).containsExactly(3f, 3f, 3f);
    }
  }

  // Closing at once, worker 1 usually leaves nothing unread, and worker 0 reads the end of the
  // stream. Closing once worker 0's 100,000 floats have come in leaves them unread, which resets
  // the connection, as a killed process does: worker 0 then reads a reset. Both are the same news.
  @ParameterizedTest(name = "closed after {0} ms with {1} values on their way")
  @CsvSource({"0, 10", "300, 100000"})
  void aWorkerThatClosesItsSocketsIsNamed(int millis, int length) throws Exception {
    Exception failure =
        LoopbackWorkers.failureOfWorkerZero(
            Duration.ofSeconds(20),
            a -> {
              if (a.rank() == 1) {
                Thread.sleep(millis);
                a.close();
                return null;
              }
              float[] v = new float[length];
              return a.sum(7, 0, v, v.length, 0);
            });
    assertThat(failure)
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching(
            "worker 1 \\(127\\.0\\.0\\.1:\\d+\\) closed the connection \\(it failed or was"
                + " stopped\\) at step 7; seen from worker 0");
  }

  @Test
  void aSilentWorkerIsFoundByTheTimeout() throws Exception {
    long[] waited = new long[1];
    Exception failure =
        LoopbackWorkers.failureOfWorkerZero(
            Duration.ofSeconds(1),
            a -> {
              if (a.rank() == 1) {
                Thread.sleep(3000);
                return null;
              }
              long started = System.nanoTime();
              try {
                return a.sum(4, 0, new float[3], 3, 0);
              } finally {
                waited[0] = System.nanoTime() - started;
              }
            });
    assertThat(failure)
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching(
            "worker 1 \\(127\\.0\\.0\\.1:\\d+\\) sent nothing for 1 s \\(stuck, or its machine is"
                + " unreachable\\) at step 4; seen from worker 0");
    assertThat(waited[0]).isBetween(900_000_000L, 2_500_000_000L);
  }

  @Test
  void aWorkerThatNeverJoinsIsCountedWhenTheWaitEnds() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocketChannel zero = AllReduce.listen(loopback);
        ServerSocketChannel one = AllReduce.listen(loopback)) {
      List<InetSocketAddress> addresses =
          List.of(
              (InetSocketAddress) zero.getLocalAddress(),
              (InetSocketAddress) one.getLocalAddress());
      assertThatThrownBy(() -> AllReduce.connect(0, addresses, zero, Duration.ofSeconds(1)))
          .isInstanceOf(DendriteException.class)
          .hasMessage("worker 0 waited 1 s for the workers after it to connect; 0 of 1 did");
    }
  }

  @Test
  void aWorkerAtAnotherStepIsOutOfStep() throws Exception {
    Exception failure =
        LoopbackWorkers.failureOfWorkerZero(
            Duration.ofSeconds(5), a -> a.sum(a.rank() == 0 ? 12 : 13, 0, new float[4], 4, 0));
    assertThat(failure)
        .isInstanceOf(DendriteException.class)
        .hasMessageMatching(
            "worker 1 \\(127\\.0\\.0\\.1:\\d+\\) is out of step: it sent step 13 \\(phase 0\\)"
                + " with 4 values, worker 0 is at step 12 \\(phase 0\\) with 4");
  }

  private static int[] bits(float[] v) {
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Float.floatToRawIntBits(v[i]);
    }
    return b;
  }
}
