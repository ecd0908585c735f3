package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputePoolTests {
  private static final long BIG = ComputePool.MIN_PARALLEL_COST;

  @AfterEach
  void restoreThreads() {
    ComputePool.configure(ComputePool.defaultThreads());
  }

  @Test
  void splitsRowsIntoAlignedBlocksThatCoverEveryRowOnce() {
    ComputePool.configure(3);
    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ComputePool.run(
        (from, to) -> {
          ranges.add(new int[] {from, to});
          threads.add(Thread.currentThread().getName());
        },
        103,
        4,
        BIG);

    ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
    assertThat(ranges).hasSize(3);
    int next = 0;
    for (int[] range : ranges) {
      assertThat(range[0]).isEqualTo(next);
      assertThat(range[1]).isGreaterThan(range[0]);
      next = range[1];
    }
    assertThat(next).isEqualTo(103);
    assertThat(ranges.get(1)[0] % 4).isZero();
    assertThat(ranges.get(2)[0] % 4).isZero();
    assertThat(threads).hasSize(3).contains(Thread.currentThread().getName());
  }

  @Test
  void smallWorkRunsOnTheCallerThread() {
    ComputePool.configure(3);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    ComputePool.run((from, to) -> threads.add(Thread.currentThread().getName()), 100, 4, BIG - 1);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void neverMakesMoreBlocksThanAlignedRows() {
    ComputePool.configure(4);
    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
    ComputePool.run((from, to) -> ranges.add(new int[] {from, to}), 9, 4, BIG);
    assertThat(ranges).hasSize(3);
  }

  @Test
  void aFailureInAWorkerReachesTheCaller() {
    ComputePool.configure(2);
    assertThatThrownBy(
            () ->
                ComputePool.run(
                    (from, to) -> {
                      if (from > 0) {
                        throw new IllegalStateException("boom in worker");
                      }
                    },
                    64,
                    1,
                    BIG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom in worker");
    // The pool still works afterwards.
    int[] rows = new int[1];
    ComputePool.run(
        (from, to) -> {
          synchronized (rows) {
            rows[0] += to - from;
          }
        },
        64,
        1,
        BIG);
    assertThat(rows[0]).isEqualTo(64);
  }

  @Test
  void aNestedCallRunsOnItsOwnThread() {
    ComputePool.configure(2);
    int[] inner = new int[1];
    ComputePool.run(
        (from, to) -> {
          if (from == 0) {
            ComputePool.run((f, t) -> inner[0] += t - f, 50, 1, BIG);
          }
        },
        64,
        1,
        BIG);
    assertThat(inner[0]).isEqualTo(50);
  }

  @Test
  void concurrentCallersGetTheirOwnResults() throws Exception {
    ComputePool.configure(2);
    FloatKernels kernels = FloatKernels.current();
    int m = 64;
    int k = 300;
    int n = 70;
    float[] a = KernelFixtures.random(m * k, 1);
    float[] b = KernelFixtures.random(k * n, 2);
    float[] expected = new float[m * n];
    kernels.multiply(a, b, expected, m, k, n);
    float[][] results = new float[4][m * n];
    Thread[] callers = new Thread[results.length];
    for (int t = 0; t < callers.length; t++) {
      float[] c = results[t];
      callers[t] =
          new Thread(
              () -> {
                for (int rep = 0; rep < 20; rep++) {
                  kernels.multiply(a, b, c, m, k, n);
                }
              });
      callers[t].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    for (float[] result : results) {
      assertThat(result).containsExactly(expected);
    }
  }

  @Test
  void rejectsLessThanOneThread() {
    assertThatThrownBy(() -> ComputePool.configure(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsTheConfiguredCount() {
    Kernels.setThreads(3);
    assertThat(Kernels.threads()).isEqualTo(3).isEqualTo(ComputePool.threads());
  }
}
