package io.dendrite.core.tensor;

/**
 * The numeric kernels training needs, for both precisions.
 *
 * <p>Matrix multiply comes in the three forms of a dense layer's training step. Weights are stored
 * {@code out x in}, as PyTorch stores them:
 *
 * <ul>
 *   <li>forward {@code y = x · Wᵀ}: {@link #multiplyTransposedB}
 *   <li>input gradient {@code dx = dy · W}: {@link #multiply}
 *   <li>weight gradient {@code dW = dyᵀ · x}: {@link #multiplyTransposedA}
 * </ul>
 *
 * <p>Each output element is computed by one thread in a fixed order, so results are the same
 * whatever the thread count. The float32 path uses the fastest {@link FloatKernels} available (the
 * Vector API when {@code jdk.incubator.vector} is present, plain loops otherwise), split over the
 * threads of this instance's {@link ComputePool}: each run has its own.
 */
public final class Kernels {
  private static final Kernels SINGLE_THREADED = new Kernels(ComputePool.singleThreaded());

  private final ComputePool pool;
  private final FloatKernels floats;

  /** Kernels that split large float32 multiplies over {@code pool}. */
  public Kernels(ComputePool pool) {
    this(pool, FloatKernels.current());
  }

  /** Kernels with a chosen float32 implementation, for tests and benchmarks. */
  public Kernels(ComputePool pool, FloatKernels floats) {
    this.pool = java.util.Objects.requireNonNull(pool, "pool");
    this.floats = java.util.Objects.requireNonNull(floats, "floats");
  }

  /** Kernels that compute on the caller's thread only. */
  public static Kernels singleThreaded() {
    return SINGLE_THREADED;
  }

  /**
   * Compiles the vector kernels before training, for at most {@code maxMillis} (only the first call
   * in a JVM does anything). Without it, the first training steps run interpreted, slowly and
   * allocating; results are the same either way.
   */
  public static void warmUp(long maxMillis) {
    FloatKernels.warmUp(maxMillis);
  }

  /** How many threads, the caller included, a large float32 multiply is split over. */
  public int threads() {
    return pool.threads();
  }

  /** The threads these kernels run on. */
  public ComputePool pool() {
    return pool;
  }

  /**
   * Runs {@code task} over {@code [0, n)}, cut into pieces split over this instance's threads when
   * the work is large enough, else on the caller's thread.
   *
   * <p>For element-wise work such as an optimizer's update: a task must compute each value the same
   * way whichever piece it falls in, so that results do not depend on the thread count. Pieces
   * start at multiples of {@code align} (a vector's length keeps vector loops whole), and the
   * caller's thread computes one of them; the call returns when all are done, and what the pieces
   * wrote is then visible to the caller.
   *
   * @param cost the work, in multiply-adds: about 16 per value for an Adam update
   */
  public void forRanges(int n, int align, long cost, ComputePool.RowTask task) {
    if (n < 0 || align < 1) {
      throw new IllegalArgumentException("n must be >= 0 and align >= 1, got " + n + ", " + align);
    }
    pool.run(task, n, align, cost);
  }

  /** {@code c = a · b}: a is m×k, b is k×n, c is m×n. */
  public void multiply(Matrix a, Matrix b, Matrix c) {
    check(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols(), "a·b", a, b, c);
    if (allFloat(a, b, c)) {
      floats.multiply(pool, a.floats(), b.floats(), c.floats(), a.rows(), a.cols(), b.cols());
    } else {
      DoubleKernels.multiply(a, b, c);
    }
  }

  /** {@code c = a · bᵀ}: a is m×k, b is n×k, c is m×n. */
  public void multiplyTransposedB(Matrix a, Matrix b, Matrix c) {
    check(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows(), "a·bᵀ", a, b, c);
    if (allFloat(a, b, c)) {
      floats.multiplyTransposedB(
          pool, a.floats(), b.floats(), c.floats(), a.rows(), a.cols(), b.rows());
    } else {
      DoubleKernels.multiplyTransposedB(a, b, c);
    }
  }

  /**
   * {@code c = a · bᵀ + row}, the 1×n {@code row} added to every row: a dense layer's forward pass
   * with its bias, in one pass over {@code c}. The bits are those of {@link #multiplyTransposedB}
   * then {@link #addRowVector}.
   */
  public void multiplyTransposedBAddRow(Matrix a, Matrix b, Matrix row, Matrix c) {
    check(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows(), "a·bᵀ", a, b, c);
    check(row.rows() == 1 && row.cols() == c.cols(), "c + row", c, row, c);
    if (allFloat(a, b, c) && !row.isDouble()) {
      floats.multiplyTransposedBAddRow(
          pool, a.floats(), b.floats(), row.floats(), c.floats(), a.rows(), a.cols(), b.rows());
    } else {
      multiplyTransposedB(a, b, c);
      addRowVector(c, row);
    }
  }

  /** {@code c = aᵀ · b}: a is k×m, b is k×n, c is m×n. */
  public void multiplyTransposedA(Matrix a, Matrix b, Matrix c) {
    check(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols(), "aᵀ·b", a, b, c);
    if (allFloat(a, b, c)) {
      floats.multiplyTransposedA(
          pool, a.floats(), b.floats(), c.floats(), a.rows(), a.cols(), b.cols());
    } else {
      DoubleKernels.multiplyTransposedA(a, b, c);
    }
  }

  /** Adds the 1×n {@code row} to every row of the m×n {@code c}. */
  public void addRowVector(Matrix c, Matrix row) {
    check(row.rows() == 1 && row.cols() == c.cols(), "c + row", c, row, c);
    int m = c.rows();
    int n = c.cols();
    if (allFloat(c, row, c)) {
      float[] cs = c.floats();
      float[] rs = row.floats();
      for (int i = 0; i < m; i++) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
          cs[base + j] += rs[j];
        }
      }
    } else {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          c.set(i, j, c.get(i, j) + row.get(j));
        }
      }
    }
  }

  /** Writes the column sums of the m×n {@code a} into the 1×n {@code sums}. */
  public void sumRows(Matrix a, Matrix sums) {
    check(sums.rows() == 1 && sums.cols() == a.cols(), "column sums", a, sums, sums);
    int m = a.rows();
    int n = a.cols();
    if (allFloat(a, sums, sums)) {
      float[] as = a.floats();
      float[] ss = sums.floats();
      java.util.Arrays.fill(ss, 0, n, 0f);
      for (int i = 0; i < m; i++) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
          ss[j] += as[base + j];
        }
      }
    } else {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += a.get(i, j);
        }
        sums.set(j, s);
      }
    }
  }

  private static boolean allFloat(Matrix a, Matrix b, Matrix c) {
    return !a.isDouble() && !b.isDouble() && !c.isDouble();
  }

  private static void check(boolean ok, String op, Matrix a, Matrix b, Matrix c) {
    if (!ok) {
      throw new IllegalArgumentException(
          "shapes do not fit "
              + op
              + ": "
              + a.rows()
              + "x"
              + a.cols()
              + ", "
              + b.rows()
              + "x"
              + b.cols()
              + " -> "
              + c.rows()
              + "x"
              + c.cols());
    }
  }
}
