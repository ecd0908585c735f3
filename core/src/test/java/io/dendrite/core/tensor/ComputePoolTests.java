package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ComputePoolTests {
  private static final long BIG = ComputePool.MIN_PARALLEL_COST;

  /**
   * Calls back to back with few and then many pieces: a worker late on a call that had few must
   * never win a piece of it that exists only in the next call's count. It did once, and the next
   * call then counted one piece too many and waited for ever (a training hung in CI).
   */
  @Test
  void callsWithDifferentPieceCountsBackToBackNeitherHangNorComputeARowTwice() {
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (ComputePool pool = ComputePool.eager(2)) {
            AtomicInteger covered = new AtomicInteger();
            ComputePool.RowTask count = (from, to) -> covered.addAndGet(to - from);
            long deadline = System.nanoTime() + 3_000_000_000L;
            for (int call = 0; call < 2_000_000 && System.nanoTime() < deadline; call++) {
              // 2 pieces, then 8: a stale worker sees piece 2 of the first as claimable.
              int rows = call % 2 == 0 ? 8 : 32;
              covered.set(0);
              pool.run(count, rows, 4, 0);
              assertThat(covered.get()).as("rows computed in call %d", call).isEqualTo(rows);
            }
          }
        });
  }

  @Test
  void splitsRowsIntoAlignedPiecesThatCoverEveryRowOnce() {
    try (ComputePool pool = ComputePool.create(3)) {
      List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
      pool.run((from, to) -> ranges.add(new int[] {from, to}), 103, 4, 64 * BIG);

      ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
      // A few pieces per thread, claimed by whichever thread is free.
      assertThat(ranges).hasSizeBetween(4, 12);
      int next = 0;
      for (int[] range : ranges) {
        assertThat(range[0]).isEqualTo(next);
        assertThat(range[0] % 4).isZero();
        assertThat(range[1]).isGreaterThan(range[0]);
        next = range[1];
      }
      assertThat(next).isEqualTo(103);
    }
  }

  @Test
  void theWorkersTakePiecesToo() {
    try (ComputePool pool = ComputePool.create(3)) {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      // The caller may take every piece when the workers are slow to wake: try a few times.
      for (int attempt = 0; attempt < 200 && threads.size() < 2; attempt++) {
        pool.run(
            (from, to) -> {
              threads.add(Thread.currentThread().getName());
              long until = System.nanoTime() + 200_000;
              while (System.nanoTime() < until) {
                Thread.onSpinWait();
              }
            },
            96,
            4,
            64 * BIG);
      }
      assertThat(threads).hasSizeGreaterThanOrEqualTo(2).contains(Thread.currentThread().getName());
    }
  }

  @Test
  void smallPiecesAreNotWorthCutting() {
    try (ComputePool pool = ComputePool.create(2)) {
      List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
      // The least parallel cost is worth a few pieces, fewer than the 8 two threads could take.
      pool.run((from, to) -> ranges.add(new int[] {from, to}), 64, 4, BIG);
      assertThat(ranges).hasSizeBetween(2, 4);
    }
  }

  @Test
  void smallWorkRunsOnTheCallerThread() {
    try (ComputePool pool = ComputePool.create(3)) {
      List<String> threads = Collections.synchronizedList(new ArrayList<>());
      pool.run((from, to) -> threads.add(Thread.currentThread().getName()), 100, 4, BIG - 1);
      assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
  }

  @Test
  void neverMakesMoreBlocksThanAlignedRows() {
    try (ComputePool pool = ComputePool.create(4)) {
      List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
      pool.run((from, to) -> ranges.add(new int[] {from, to}), 9, 4, BIG);
      assertThat(ranges).hasSize(3);
    }
  }

  @Test
  void aFailureInAWorkerReachesTheCaller() {
    try (ComputePool pool = ComputePool.create(2)) {
      assertThatThrownBy(
              () ->
                  pool.run(
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
      pool.run(
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
  }

  @Test
  void aNestedCallRunsOnItsOwnThread() {
    try (ComputePool pool = ComputePool.create(2)) {
      int[] inner = new int[1];
      pool.run(
          (from, to) -> {
            if (from == 0) {
              pool.run((f, t) -> inner[0] += t - f, 50, 1, BIG);
            }
          },
          64,
          1,
          BIG);
      assertThat(inner[0]).isEqualTo(50);
    }
  }

  @Test
  void concurrentCallersOfOnePoolGetTheirOwnResults() throws Exception {
    FloatKernels kernels = FloatKernels.current();
    int m = 64;
    int k = 300;
    int n = 70;
    float[] a = KernelFixtures.random(m * k, 1);
    float[] b = KernelFixtures.random(k * n, 2);
    float[] expected = new float[m * n];
    kernels.multiply(ComputePool.singleThreaded(), a, b, expected, m, k, n);
    float[][] results = new float[4][m * n];
    try (ComputePool pool = ComputePool.create(2)) {
      Thread[] callers = new Thread[results.length];
      for (int t = 0; t < callers.length; t++) {
        float[] c = results[t];
        callers[t] =
            new Thread(
                () -> {
                  for (int rep = 0; rep < 20; rep++) {
                    kernels.multiply(pool, a, b, c, m, k, n);
                  }
                });
        callers[t].start();
      }
      for (Thread caller : callers) {
        caller.join();
      }
    }
    for (float[] result : results) {
      assertThat(result).containsExactly(expected);
    }
  }

  @Test
  void poolsOfDifferentSizesWorkSideBySide() throws Exception {
    FloatKernels kernels = FloatKernels.current();
    int m = 64;
    int k = 300;
    int n = 90;
    float[] a = KernelFixtures.random(m * k, 3);
    float[] b = KernelFixtures.random(k * n, 4);
    float[] expected = new float[m * n];
    kernels.multiply(ComputePool.singleThreaded(), a, b, expected, m, k, n);
    float[][] results = new float[3][m * n];
    Thread[] callers = new Thread[results.length];
    for (int t = 0; t < callers.length; t++) {
      float[] c = results[t];
      int threads = t + 2;
      callers[t] =
          new Thread(
              () -> {
                try (ComputePool own = ComputePool.eager(threads)) {
                  for (int rep = 0; rep < 20; rep++) {
                    kernels.multiply(own, a, b, c, m, k, n);
                  }
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
  void workersAreDaemonThreadsNamedForThePoolAndCloseEndsThem() throws InterruptedException {
    ComputePool pool = ComputePool.create(3);
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    Thread caller = Thread.currentThread();
    // The caller may take every piece when the workers are slow to wake: try a few times.
    for (int attempt = 0; attempt < 200 && workers.size() < 2; attempt++) {
      pool.run(
          (from, to) -> {
            if (Thread.currentThread() != caller) {
              workers.add(Thread.currentThread());
            }
            long until = System.nanoTime() + 200_000;
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
          },
          96,
          4,
          64 * BIG);
    }
    assertThat(workers)
        .extracting(Thread::getName)
        .containsExactlyInAnyOrder("dendrite-compute-1", "dendrite-compute-2");
    // Daemon threads never keep a finished program's JVM alive.
    assertThat(workers).allMatch(Thread::isDaemon);
    // Parked by now: close() must wake them to end.
    Thread.sleep(20);
    pool.close();
    for (Thread t : workers) {
      t.join(5_000);
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }

  @Test
  void aClosedPoolComputesOnTheCaller() {
    ComputePool pool = ComputePool.create(3);
    pool.close();
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    pool.run((from, to) -> threads.add(Thread.currentThread().getName()), 100, 4, BIG);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void rejectsLessThanOneThread() {
    assertThatThrownBy(() -> ComputePool.create(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsItsCount() {
    try (ComputePool pool = ComputePool.create(3)) {
      assertThat(new Kernels(pool).threads()).isEqualTo(3).isEqualTo(pool.threads());
    }
    assertThat(Kernels.singleThreaded().threads()).isEqualTo(1);
  }
}
