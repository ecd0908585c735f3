package io.dendrite.core.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed pool of daemon threads that the float32 kernels split their work over.
 *
 * <p>Work is always split by blocks of output rows (or of columns), and the caller thread computes
 * the first block itself. A kernel must compute every output element in an order that depends only
 * on the shapes, never on the block it falls in: then results are bit-identical whatever the thread
 * count. Dispatching allocates nothing: each worker has a mailbox that the caller fills in, and the
 * caller waits on a counter rather than on futures.
 *
 * <p>Only one multiply uses the pool at a time. A caller that finds it busy (another thread's
 * multiply, or a kernel called from inside a worker) computes on its own thread, which gives the
 * same result, only slower.
 *
 * <p>A pool belongs to one run ({@link Kernels} wraps it), so that runs side by side in one JVM
 * each have the threads they asked for.
 */
public final class ComputePool implements AutoCloseable {
  /** Property naming the default thread count ({@link #defaultThreads()}). */
  public static final String THREADS_PROPERTY = "dendrite.threads";

  /**
   * Below this cost (in multiply-adds of the vector kernels, about 7 µs at 150 GFLOP/s) a call runs
   * on the caller thread: handing work to another thread and waiting for it can cost as much.
   */
  static final long MIN_PARALLEL_COST = 1L << 19;

  /**
   * How long an idle thread waits without sleeping: training calls kernels back to back. Longer
   * than the longest stretch of a step on one thread (the small last layer, the loss and the
   * activations between the second layer's forward and its gradient: about 100 µs): with 50 µs, a
   * worker parked about twice per Fashion-MNIST step (3,535 times in 1,876 steps), and the next
   * call waited for the OS to wake it; with 2 ms, 97 times.
   */
  private static final long SPIN_NANOS = 300_000;

  private static final long PURE_SPIN_NANOS = 2_000;

  /** Pieces per thread a large call is cut into. */
  private static final int CHUNKS_PER_THREAD = 4;

  /** The least work (multiply-adds) worth a piece of its own: about 2 µs. */
  private static final long MIN_CHUNK_COST = 1L << 17;

  private static final ComputePool SINGLE = new ComputePool(1, MIN_PARALLEL_COST);

  /**
   * A computation over a range of rows (of a multiply's output, or of values updated one by one);
   * pieces of one call may run at the same time on different threads.
   */
  public interface RowTask {
    /** Computes rows {@code [fromRow, toRow)}. */
    void run(int fromRow, int toRow);
  }

  private final int threads;
  private final long minParallelCost;
  private final Pool pool;

  private ComputePool(int threads, long minParallelCost) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.minParallelCost = minParallelCost;
    this.pool = threads > 1 ? new Pool(threads - 1) : null;
  }

  /**
   * A pool of {@code threads - 1} daemon threads; with the caller, a large multiply is split over
   * {@code threads}. Results do not depend on the count. {@link #close()} stops the threads.
   */
  public static ComputePool create(int threads) {
    return threads == 1 ? SINGLE : new ComputePool(threads, MIN_PARALLEL_COST);
  }

  /** A pool that splits even the smallest multiply: for warming up and testing both paths. */
  static ComputePool eager(int threads) {
    return new ComputePool(threads, 0);
  }

  /** Computes everything on the caller's thread; shared, as it holds no threads. */
  public static ComputePool singleThreaded() {
    return SINGLE;
  }

  /** How many threads, the caller included, a large multiply is split over. */
  public int threads() {
    return threads;
  }

  /** The default thread count: the property if set, else the cores, at most 4. */
  public static int defaultThreads() {
    String configured = System.getProperty(THREADS_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      try {
        int value = Integer.parseInt(configured.trim());
        if (value >= 1) {
          return value;
        }
      } catch (NumberFormatException e) {
        // Fall through to the hardware default: a bad property must not break training.
      }
    }
    return Math.min(Runtime.getRuntime().availableProcessors(), 4);
  }

  /**
   * Runs {@code task} over rows {@code [0, rows)}, split over the pool when {@code cost} is large
   * enough.
   *
   * @param cost the work, in multiply-adds of the vector kernels
   * @param align block boundaries fall on multiples of this, so that register tiles stay whole
   */
  void run(RowTask task, int rows, int align, long cost) {
    int blocks = (rows + align - 1) / align;
    int chunks = chunks(blocks, cost);
    if (pool == null
        || chunks <= 1
        || cost < minParallelCost
        || !pool.busy.compareAndSet(false, true)) {
      task.run(0, rows);
      return;
    }
    try {
      if (pool.stopped) {
        task.run(0, rows);
      } else {
        pool.run(task, rows, align, blocks, chunks);
      }
    } finally {
      pool.busy.set(false);
    }
  }

  /**
   * How many pieces to cut a call into: a few per thread, so that a thread the OS has not scheduled
   * yet leaves its share to the others instead of holding up the call, but never pieces so small
   * that claiming one costs more than computing it.
   */
  private int chunks(int blocks, long cost) {
    // An eager pool cuts even the smallest call, so that warm-up and tests take the split paths.
    long byCost = minParallelCost == 0 ? blocks : Math.max(1, cost / MIN_CHUNK_COST);
    return (int) Math.min(Math.min(blocks, (long) threads * CHUNKS_PER_THREAD), byCost);
  }

  /** Stops the threads once no multiply is using them; later calls compute on the caller. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * Waits a moment without sleeping; false once it is time to park instead.
   *
   * <p>Spinning catches the common case of a partner thread a few microseconds behind. Past that,
   * yielding lets a partner that the OS scheduled on the same core run; past the spin time, parking
   * frees the core for good.
   */
  private static boolean idle(long since) {
    long waited = System.nanoTime() - since;
    if (waited < PURE_SPIN_NANOS) {
      Thread.onSpinWait();
      return true;
    } else if (waited < SPIN_NANOS) {
      Thread.yield();
      return true;
    }
    return false;
  }

  /**
   * The workers and the call in flight.
   *
   * <p>A call is published as a generation number together with the next unclaimed piece, in one
   * {@code long}, so that a thread claims a piece of exactly the call it saw: a worker that wakes
   * up late finds the pieces of its call taken and waits for the next one. The caller counts
   * finished pieces, not threads, so it never waits for a worker that has not started.
   *
   * <p>Once its pieces are done the caller closes the call ({@link #CLOSED} as the next piece): a
   * worker that read the claim of the old call just before it ended, and then the piece count of
   * the next call (larger), would otherwise win a piece that does not exist, count it done in the
   * next call, and leave that call's caller waiting for a count it has passed.
   */
  private static final class Pool {
    /** The next piece of a call that has ended: more than any call has. */
    static final int CLOSED = Integer.MAX_VALUE;

    final Worker[] workers;
    final AtomicBoolean busy = new AtomicBoolean();

    /** Generation in the high 32 bits, next piece in the low 32. */
    final AtomicLong claim = new AtomicLong();

    final AtomicInteger done = new AtomicInteger();
    // The call in flight: written before claim publishes a new generation, read after it.
    RowTask task;
    int rows;
    int align;
    int blocks;
    int chunks;
    volatile Thread caller;
    volatile boolean callerParked;
    volatile Throwable failure;
    volatile boolean stopped;

    Pool(int size) {
      workers = new Worker[size];
      for (int i = 0; i < size; i++) {
        workers[i] = new Worker(this);
        Thread t = new Thread(workers[i], "dendrite-compute-" + (i + 1));
        t.setDaemon(true);
        workers[i].thread = t;
      }
      for (Worker w : workers) {
        w.thread.start();
      }
    }

    void run(RowTask task, int rows, int align, int blocks, int chunks) {
      this.task = task;
      this.rows = rows;
      this.align = align;
      this.blocks = blocks;
      this.chunks = chunks;
      caller = Thread.currentThread();
      failure = null;
      done.set(0);
      int generation = (int) (claim.get() >>> 32) + 1;
      // The caller keeps the first piece for itself, so that it computes at once, whatever the
      // OS does with the workers, and never waits idle while they take every piece.
      claim.set(((long) generation << 32) | 1);
      for (Worker w : workers) {
        w.wake();
      }
      compute(0);
      work(generation);
      awaitPieces();
      claim.set(((long) generation << 32) | CLOSED);
      this.task = null;
      caller = null;
      Throwable failed = failure;
      failure = null;
      if (failed instanceof RuntimeException) {
        throw (RuntimeException) failed;
      } else if (failed instanceof Error) {
        throw (Error) failed;
      } else if (failed != null) {
        throw new IllegalStateException(failed);
      }
    }

    /**
     * Computes pieces of call {@code generation} until none is left. A failing piece is recorded
     * for the caller to rethrow, and the others are still computed, so that the call ends.
     */
    void work(int generation) {
      while (true) {
        long c = claim.get();
        if ((int) (c >>> 32) != generation) {
          return;
        }
        int piece = (int) c;
        if (piece >= chunks || !claim.compareAndSet(c, c + 1)) {
          if (piece >= chunks) {
            return;
          }
          continue;
        }
        compute(piece);
      }
    }

    /** Computes one piece; a failure is recorded for the caller to rethrow. */
    private void compute(int piece) {
      try {
        task.run(boundary(piece), boundary(piece + 1));
      } catch (Throwable e) {
        if (failure == null) {
          failure = e;
        }
      } finally {
        if (done.incrementAndGet() == chunks && callerParked) {
          LockSupport.unpark(caller);
        }
      }
    }

    private int boundary(int piece) {
      return (int) Math.min(rows, (long) blocks * piece / chunks * align);
    }

    private void awaitPieces() {
      long since = System.nanoTime();
      while (done.get() != chunks) {
        if (!idle(since)) {
          callerParked = true;
          if (done.get() != chunks) {
            LockSupport.park(this);
          }
          callerParked = false;
        }
      }
    }

    /** Stops the workers once no multiply is using them; the pool is never used again. */
    void shutdown() {
      while (!busy.compareAndSet(false, true)) {
        Thread.onSpinWait();
      }
      stopped = true;
      busy.set(false);
      for (Worker w : workers) {
        LockSupport.unpark(w.thread);
      }
    }
  }

  private static final class Worker implements Runnable {
    private final Pool pool;
    Thread thread;
    private volatile boolean parked;

    Worker(Pool pool) {
      this.pool = pool;
    }

    void wake() {
      if (parked) {
        LockSupport.unpark(thread);
      }
    }

    @Override
    public void run() {
      int seen = 0;
      while (true) {
        long since = System.nanoTime();
        int current;
        while ((current = (int) (pool.claim.get() >>> 32)) == seen) {
          if (pool.stopped) {
            return;
          }
          if (!idle(since)) {
            parked = true;
            if ((int) (pool.claim.get() >>> 32) == seen && !pool.stopped) {
              LockSupport.park(this);
            }
            parked = false;
          }
        }
        seen = current;
        pool.work(current);
      }
    }
  }
}
