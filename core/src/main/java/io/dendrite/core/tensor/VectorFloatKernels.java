package io.dendrite.core.tensor;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 kernels on the Vector API, register-tiled and split over the {@link ComputePool}.
 *
 * <p>The inner loops are axpys: a register tile of 6 output rows × 2 vectors of columns accumulates
 * {@code a(i, p) · b[p, j..]} over the reduction index {@code p}, so that every load of {@code b}
 * feeds 6 fused multiply-adds and no lanes need summing at the end. The gradients read both
 * operands from packed copies, panels of 6 rows of {@code a} and strips of 2 vectors of {@code b},
 * each laid out step by step: their panels meet many strips. {@code a·bᵀ} (the forward) is computed
 * as its transpose {@code b·aᵀ}, so that the batch is the vector side; the batch's few strips are
 * packed, and with 16 lanes the weights' rows are read in place, six side by side, where with 8
 * each panel is packed first ({@link #WEIGHTS_IN_PLACE}). 12 accumulators and 3 operands fit the 16
 * registers of AVX2; a 4×3 tile needs all 16 and spills, and with AVX-512's 32 registers a 6×4 tile
 * of 24 accumulators ran slower under C2 (290-522 µs against 246 µs on the 784x256 forward).
 *
 * <p>For a given shape, each output element is computed by the same operations in the same order,
 * whichever tile, block or thread computes it: in the axpy form, a chain of fma in increasing order
 * of {@code p} started from zero (vector lanes and scalar tails alike use fma, which rounds once,
 * and partial sums between reduction blocks are stored as the floats they are). Results are
 * therefore the same for any thread count, and in the interpreter as in every JIT tier. The Vector
 * API's own {@code reduceLanes(ADD)} is never used, because its summation order is unspecified.
 *
 * <p>Only {@link KernelSelection} refers to this class, behind a check that the {@code
 * jdk.incubator.vector} module is present, so that JVMs without it never load it.
 */
final class VectorFloatKernels implements FloatKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /**
   * Whether the forward reads whole panels of the weights in place rather than packing each first.
   * Measured on one Zen 4 on the 784x256 forward: with 16 lanes in place took 246-253 µs against
   * 302 µs packed (a batch of 128: 490-504 against 548 µs); with 8 lanes (the JVM held to AVX2) 576
   * µs against 340-386 µs, and on two threads 293 against 261 µs. Eight lanes do half the work per
   * broadcast, and a batch has twice the strips to share a packed panel.
   */
  private static final boolean WEIGHTS_IN_PLACE = L >= 16;

  static final VectorFloatKernels INSTANCE = new VectorFloatKernels(WEIGHTS_IN_PLACE);

  /** The kernels with the forward's other way with the weights, for tests of both ways. */
  static final VectorFloatKernels OTHER_WEIGHTS = new VectorFloatKernels(!WEIGHTS_IN_PLACE);

  private final boolean weightsInPlace;

  /** Rows per register tile of the dot products; their thread blocks are aligned on it. */
  static final int TILE_ROWS = 4;

  /**
   * Reduction steps per pass: a KC×(3·L) strip of {@code b} (24 KB with 512-bit vectors) stays in
   * L1 while the register tiles of all rows stream past it.
   */
  private static final int KC = 128;

  /** Rows and columns of the packed register tile of {@code aᵀ·b}: 12 accumulators. */
  private static final int PANEL_ROWS = 6;

  private static final int STRIP_COLS = 2 * L;

  private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);

  private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[L]);

  private static final int MULTIPLY = 0;
  private static final int TRANSPOSED_A = 1;
  private static final int TRANSPOSED_B = 2;
  private static final int TRANSPOSED_B_DOT = 3;
  private static final int PACK_TRANSPOSED_STRIPS = 4;
  private static final int PACK_STRIPS = 6;
  private static final int PACK_PANELS = 7;
  private static final int STRIP_PRODUCT = 8;
  private static final int FORWARD_STRIPS = 9;

  /**
   * A packed value's cost in the multiply-adds {@link ComputePool} counts (a contiguous copy), so
   * that the strips of a large weight gradient's batch are packed in pieces.
   */
  private static final long PACK_COST = 16;

  /**
   * A transposed value's cost in the multiply-adds {@link ComputePool} counts: a copy from a
   * strided place takes about as long as 24 of them (33 µs for a 64×784 batch where the kernels do
   * 70 GFLOP/s), so that only large batches are transposed in pieces.
   */
  private static final long TRANSPOSE_COST = 24;

  /** Reduction steps per block of a transposing pack: 16 KB of strip with 512-bit vectors. */
  private static final int PACK_BLOCK = 128;

  /** Enough rounds for C2 to compile the kernels, for JVMs that cannot count allocations. */
  private static final int WARM_UP_ROUNDS = 2000;

  private VectorFloatKernels(boolean weightsInPlace) {
    this.weightsInPlace = weightsInPlace;
  }

  /**
   * Runs the kernels on small inputs until the JIT has compiled them.
   *
   * <p>Until C2 compiles them, Vector API operations run as plain Java objects: a hundred times
   * slower, and allocating an object per operation, which would break the promise that a training
   * step allocates nothing after the first batch. Rounds stop once one allocates nothing, or after
   * a fixed number of rounds when the JVM cannot count allocations, or after {@code maxMillis}.
   */
  static void warmUp(long maxMillis) {
    // Every branch must be taken here: one that the JIT first meets in training makes it throw
    // away the compiled code and interpret the kernels again for thousands of calls, allocating
    // an object per vector operation (TrainingStepAllocationTests caught a strided tile left to
    // C1 that way). So, with k crossing a reduction block: 6-, 4- and 1-row tiles; column strips
    // of 3+2 vectors and of 3+1 vectors, each with scalar columns left; the dot path (fewer rows
    // than lanes) with a column and a k tail; empty reductions; and, every other round, the
    // thread pool.
    int k = KC + 3;
    int wide = 5 * L + 3;
    int narrow = 4 * L + 3;
    int[][] shapes = {
      {5, k, wide},
      {5, k, narrow},
      {wide, k, 5},
      {narrow, k, 5},
      {5, k, 7},
      {L, 0, 3},
      {5, 0, 3},
      // Packed panels with a row left and strips with columns left, panels packed by block.
      {2 * PANEL_ROWS + 1, k, wide},
      // A forward with more rows of b than strips of the batch, whose panels are packed whole
      // and padded; and a·b with more rows than columns, the same way.
      {L + 1, k, 2 * STRIP_COLS + 1},
      {2 * STRIP_COLS + 1, k, STRIP_COLS + 1},
      // One reduction step: a row-major a whose rows are one value apart, packed as aᵀ is.
      {2 * STRIP_COLS + 1, 1, 2 * STRIP_COLS + 1}
    };
    int size = wide * k;
    float[] a = new float[size];
    float[] b = new float[size];
    float[] c = new float[size];
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (i % 7) - 3;
      b[i] = (i % 5) - 2;
      bytes[i] = (byte) i;
    }
    AllocationCounter counter = AllocationCounter.forCurrentThread();
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    int clean = 0;
    try (ComputePool split = ComputePool.eager(2)) {
      ComputePool single = ComputePool.singleThreaded();
      for (int round = 0; System.nanoTime() < deadline; round++) {
        ComputePool pool = round % 2 == 0 ? single : split;
        long before = counter.allocated();
        for (int[] shape : shapes) {
          INSTANCE.multiply(pool, a, b, c, shape[0], shape[1], shape[2]);
          INSTANCE.multiplyTransposedB(pool, a, b, c, shape[0], shape[1], shape[2]);
          INSTANCE.multiplyTransposedBAddRow(pool, a, b, a, c, shape[0], shape[1], shape[2]);
          INSTANCE.multiplyTransposedA(pool, a, b, c, shape[1], shape[0], shape[2]);
          // The strided tiles now compute only the rows and columns the packed tiles leave, so
          // the shapes above no longer take all their branches: run them on every shape, as a
          // row-major and as a transposed a.
          axpy(a, shape[1], 1, b, shape[2], c, shape[2], shape[1], 0, shape[0], 0, shape[2]);
          axpy(a, 1, shape[0], b, shape[2], c, shape[2], shape[1], 0, shape[0], 0, shape[2]);
        }
        INSTANCE.divideBytes(bytes, 1, size - 1, c, 0, 255f, false);
        INSTANCE.divideBytes(bytes, 0, size, c, 0, 128f, true);
        clean = counter.allocated() == before ? clean + 1 : 0;
        boolean done = counter.counts() ? clean >= 2 : round >= WARM_UP_ROUNDS;
        if (done) {
          break;
        }
      }
    }
  }

  @Override
  public void multiply(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    run(pool, MULTIPLY, a, b, null, c, m, k, n, weightsInPlace);
  }

  @Override
  public void multiplyTransposedB(
      ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    // With fewer rows than a vector holds, the transposed product would have no full vector to
    // compute with: dot products along k are then faster.
    run(pool, m >= L ? TRANSPOSED_B : TRANSPOSED_B_DOT, a, b, null, c, m, k, n, weightsInPlace);
  }

  // As many bytes as a float vector has lanes: one byte per lane, widened to int, then to float.
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(L * Byte.SIZE));
  private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, S.vectorShape());

  @Override
  public int divideBytes(
      byte[] values, int from, int count, float[] into, int offset, float divisor, boolean signed) {
    int bound = S.loopBound(count);
    for (int j = 0; j < bound; j += L) {
      IntVector ints =
          (IntVector)
              ByteVector.fromArray(BYTES, values, from + j)
                  .convertShape(VectorOperators.B2I, INTS, 0);
      if (!signed) {
        ints = ints.and(0xff);
      }
      ((FloatVector) ints.convertShape(VectorOperators.I2F, S, 0))
          .div(divisor)
          .intoArray(into, offset + j);
    }
    return bound;
  }

  @Override
  public void multiplyTransposedA(
      ComputePool pool, float[] a, float[] b, float[] c, int k, int m, int n) {
    run(pool, TRANSPOSED_A, a, b, null, c, m, k, n, weightsInPlace);
  }

  @Override
  public void multiplyTransposedBAddRow(
      ComputePool pool, float[] a, float[] b, float[] row, float[] c, int m, int k, int n) {
    if (m < L) {
      FloatKernels.super.multiplyTransposedBAddRow(pool, a, b, row, c, m, k, n);
    } else {
      run(pool, TRANSPOSED_B, a, b, row, c, m, k, n, weightsInPlace);
    }
  }

  private static void run(
      ComputePool pool,
      int form,
      float[] a,
      float[] b,
      float[] row,
      float[] c,
      int m,
      int k,
      int n,
      boolean weightsInPlace) {
    Job job = JOBS.get();
    job.form = form;
    job.weightsInPlace = weightsInPlace;
    job.a = a;
    job.b = b;
    job.row = row;
    job.c = c;
    job.m = m;
    job.k = k;
    job.n = n;
    try {
      if (form == TRANSPOSED_B) {
        // a·bᵀ is computed as its transpose b·aᵀ: strips of aᵀ packed from the batch, and panels
        // of b's rows, padded with zeros to whole tiles, so that every element of the product
        // comes from a whole tile; the padding is computed and never read.
        int width = roundUp(m, STRIP_COLS);
        int height = roundUp(n, PANEL_ROWS);
        int strips = width / STRIP_COLS;
        job.width = width;
        job.height = height;
        job.reserveStrips(width * k);
        if (weightsInPlace && strips >= pool.threads()) {
          // A strip of the batch for each thread at least: in one call, each thread packs its
          // strips, meets them with every panel of b and writes their rows of c. Nothing it
          // reads or writes is another thread's, but for b: shared out by panels of b instead,
          // each thread read the strip the other had packed and both wrote into every row of c,
          // and the 784x256 forward took 178 µs on two threads against 250 µs on one. Packed
          // weights stay shared out by panels, each packed once: with a strip per thread, every
          // thread packed every panel, and with 8 lanes two threads took 263 µs against 210 µs.
          job.reserve(strips * PANEL_ROWS * k, strips * height * STRIP_COLS);
          job.form = FORWARD_STRIPS;
          pool.run(job, strips, 1, (long) m * n * k);
          return;
        }
        // Fewer strips than threads: the strips are packed first, then the threads share out the
        // panels of b's rows (which keeps every thread's tiles as wide as the batch), each piece
        // transposing its rows back into c.
        job.reserve(height * Math.max(k, KC), height * width);
        job.form = PACK_TRANSPOSED_STRIPS;
        pool.run(job, width / STRIP_COLS, 1, (long) m * k * TRANSPOSE_COST);
        job.form = TRANSPOSED_B;
        pool.run(job, height, PANEL_ROWS, (long) m * n * k);
      } else if (form == TRANSPOSED_B_DOT) {
        pool.run(job, m, TILE_ROWS, (long) m * n * k);
      } else if (m <= n - n % STRIP_COLS) {
        // No more rows than whole strips (the gradients): the panels of a (or aᵀ) are packed once
        // for all threads to read, then the threads share out the strips of b, each packing its
        // own and computing every row of their columns. A thread then reads the strips it packed
        // from its own caches: when they are shared out by rows instead, every thread reads every
        // strip, half of them from the other core, and the second layer's input gradient (64x128
        // by 128x256) took as long on two threads as on one.
        int panelRows = m - m % PANEL_ROWS;
        job.reserve(panelRows * k, 0);
        job.reserveStrips(n * k);
        job.transposedA = form == TRANSPOSED_A;
        job.form = PACK_PANELS;
        pool.run(job, panelRows, PANEL_ROWS, (long) panelRows * k * PACK_COST);
        job.form = STRIP_PRODUCT;
        pool.run(job, n / STRIP_COLS, 1, (long) m * n * k);
      } else {
        // More rows than whole strips: the strips of b are packed once, in pieces, for all threads
        // to read; the panels of a (or aᵀ) are packed by each thread for its own rows, so its
        // pieces hold whole panels (packed whole, or by reduction block, see packedProduct).
        int strips = n / STRIP_COLS;
        job.reserve(m * Math.max(k, KC), 0);
        job.reserveStrips(strips * k * STRIP_COLS);
        job.form = PACK_STRIPS;
        pool.run(job, strips, 1, (long) strips * k * STRIP_COLS * PACK_COST);
        job.form = form;
        pool.run(job, m, PANEL_ROWS, (long) m * n * k);
      }
    } finally {
      job.a = null;
      job.b = null;
      job.row = null;
      job.c = null;
    }
  }

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  /**
   * One multiply in flight, with its scratch buffers; reused per calling thread so that a call
   * allocates nothing once the buffers have grown to the largest shapes.
   */
  private static final class Job implements ComputePool.RowTask {
    int form;
    float[] a;
    float[] b;
    float[] row;
    float[] c;
    int m;
    int k;
    int n;

    /** Columns of the forward's padded product {@code ct}: the batch rounded up to strips. */
    int width;

    /** Rows of the forward's padded product {@code ct}: b's rows rounded up to panels. */
    int height;

    /**
     * Whether the forward reads whole panels of the weights in place ({@link #WEIGHTS_IN_PLACE}).
     */
    boolean weightsInPlace;

    /** Whether the a of a strip-shared product is transposed ({@code multiplyTransposedA}). */
    boolean transposedA;

    private float[] panels = new float[0];
    private float[] ct = new float[0];
    private float[] stripBuffer = new float[0];

    /**
     * Computes rows {@code [from, to)} of {@code c = A·B} in register tiles of {@link #PANEL_ROWS}
     * × {@link #STRIP_COLS} from packed copies, where {@code A(i, p) = a[i·ars + p·aps]} has {@code
     * rows} rows (panels past them are zeros) and the strips of {@code B} are in {@code
     * stripBuffer}: for each reduction block, the panels of this thread's rows once, then each
     * strip in turn, so that the inner loop reads two contiguous arrays at fixed strides, which the
     * JIT checks once per loop instead of at every load. Rows and columns left over go through
     * {@link #axpy} on the unpacked {@code b} ({@code ldb} wide); every element is the same chain
     * of fma as there.
     */
    private void packedProduct(
        float[] a,
        int ars,
        int aps,
        int rows,
        float[] b,
        int ldb,
        int cols,
        float[] c,
        int ldc,
        int from,
        int to) {
      int panels = (to - from) / PANEL_ROWS;
      int strips = cols / STRIP_COLS;
      if (k == 0 || panels == 0 || strips == 0) {
        axpy(a, ars, aps, b, ldb, c, ldc, k, from, to, 0, cols);
        return;
      }
      int panelEnd = from + panels * PANEL_ROWS;
      int stripEnd = strips * STRIP_COLS;
      float[] packed = this.panels;
      if (panelEnd - from > stripEnd) {
        // More rows than columns (a forward): each panel meets only the few strips of the batch.
        // With 16 lanes whole panels of a row-major a are read where they are, six rows side by
        // side (WEIGHTS_IN_PLACE); otherwise each panel is packed whole just before it meets every
        // strip, into the same place in this piece's part of the buffer, so that it is written
        // into L1 and read from there. A panel past the last row is always packed, padded with
        // zeros.
        int at = from * k;
        for (int i = from; i < panelEnd; i += PANEL_ROWS) {
          if (weightsInPlace && aps == 1 && i + PANEL_ROWS <= rows) {
            for (int j = 0; j < stripEnd; j += STRIP_COLS) {
              rowsTile6x2(a, i * ars, ars, stripBuffer, j * k, c, ldc, i * ldc + j, k);
            }
            continue;
          }
          packPanels(a, ars, aps, rows, i, i + PANEL_ROWS, 0, k, k, packed, at);
          for (int j = 0; j < stripEnd; j += STRIP_COLS) {
            packedTile6x2(packed, at, stripBuffer, j * k, c, ldc, i * ldc + j, k, true);
          }
        }
      } else {
        // The gradients: the block's panels are packed and every strip meets them.
        for (int p0 = 0; p0 < k; p0 += KC) {
          int kc = Math.min(KC, k - p0);
          boolean first = p0 == 0;
          packPanels(a, ars, aps, rows, from, panelEnd, p0, kc, KC, packed, from * KC);
          for (int j = 0; j < stripEnd; j += STRIP_COLS) {
            int bo = j * k + p0 * STRIP_COLS;
            for (int i = from; i < panelEnd; i += PANEL_ROWS) {
              packedTile6x2(packed, i * KC, stripBuffer, bo, c, ldc, i * ldc + j, kc, first);
            }
          }
        }
      }
      if (stripEnd < cols) {
        axpy(a, ars, aps, b, ldb, c, ldc, k, from, panelEnd, stripEnd, cols);
      }
      if (panelEnd < to) {
        axpy(a, ars, aps, b, ldb, c, ldc, k, panelEnd, to, 0, cols);
      }
    }

    /**
     * Computes the columns of strips {@code [s0, s1)} of {@code c = A·B} for every row, from the
     * whole panels of {@code A} in {@code panels} (panel {@code i} at {@code i·k}) and the strips
     * it packs itself; rows past the whole panels, and for the last strip the columns past the
     * whole strips, go through {@link #axpy}. Every element is the same chain of fma as there.
     */
    private void stripProduct(
        float[] a, int ars, int aps, float[] b, int s0, int s1, boolean lastPiece) {
      int panelEnd = m - m % PANEL_ROWS;
      packStrips(s0, s1);
      float[] packed = panels;
      for (int s = s0; s < s1; s++) {
        int j = s * STRIP_COLS;
        for (int i = 0; i < panelEnd; i += PANEL_ROWS) {
          packedTile6x2(packed, i * k, stripBuffer, j * k, c, n, i * n + j, k, true);
        }
      }
      if (panelEnd < m) {
        axpy(a, ars, aps, b, n, c, n, k, panelEnd, m, s0 * STRIP_COLS, s1 * STRIP_COLS);
      }
      int stripEnd = n - n % STRIP_COLS;
      if (lastPiece && stripEnd < n) {
        axpy(a, ars, aps, b, n, c, n, k, 0, m, stripEnd, n);
      }
    }

    /**
     * Packs reduction steps {@code [p0, p0 + kc)} of rows {@code [from, to)} of {@code A} into
     * panels: the panel of row {@code i} at {@code at + (i - from)·ld}, {@link #PANEL_ROWS} values
     * per step. Rows from {@code rows} on are zeros. A transposed {@code a} ({@code ars = 1}) must
     * come in whole panels.
     */
    private static void packPanels(
        float[] a,
        int ars,
        int aps,
        int rows,
        int from,
        int to,
        int p0,
        int kc,
        int ld,
        float[] packed,
        int at) {
      for (int i = from; i < to; i += PANEL_ROWS) {
        int q = at + (i - from) * ld;
        if (ars == 1 && i + PANEL_ROWS <= rows) {
          // aᵀ's rows are a's columns: the panel's values of each step lie side by side.
          // Six plain copies a step: arraycopy's call costs more than the copy at this length.
          for (int p = p0; p < p0 + kc; p++) {
            int src = p * aps + i;
            packed[q] = a[src];
            packed[q + 1] = a[src + 1];
            packed[q + 2] = a[src + 2];
            packed[q + 3] = a[src + 3];
            packed[q + 4] = a[src + 4];
            packed[q + 5] = a[src + 5];
            q += PANEL_ROWS;
          }
          continue;
        }
        // Otherwise a is row-major (aps = 1): a transposed a is only ever packed in whole panels,
        // which took the branch above. Row by row, two at a time, so that reads run along rows
        // and only the writes are strided; rows past the last are zeros.
        int r = 0;
        for (; r + 2 <= PANEL_ROWS && i + r + 2 <= rows; r += 2) {
          gatherTwoRows(a, (i + r) * ars + p0, ars, packed, q + r, kc);
        }
        for (; r < PANEL_ROWS; r++) {
          if (i + r < rows) {
            gatherRow(a, (i + r) * ars + p0, packed, q + r, kc);
          } else {
            int d = q + r;
            for (int p = 0; p < kc; p++) {
              packed[d] = 0f;
              d += PANEL_ROWS;
            }
          }
        }
      }
    }

    private static void gatherTwoRows(float[] a, int src, int ld, float[] packed, int d, int kc) {
      int src1 = src + ld;
      for (int p = 0; p < kc; p++) {
        packed[d] = a[src + p];
        packed[d + 1] = a[src1 + p];
        d += PANEL_ROWS;
      }
    }

    /**
     * Writes {@code a[src ..+ kc]} into every {@link #PANEL_ROWS}-th value of {@code packed}. The
     * write has its own induction variable: in a scratch harness this form ran 1.6 times faster
     * under C2 than indexing it by {@code p·PANEL_ROWS}.
     */
    private static void gatherRow(float[] a, int src, float[] packed, int d, int kc) {
      for (int p = 0; p < kc; p++) {
        packed[d] = a[src + p];
        d += PANEL_ROWS;
      }
    }

    /**
     * Copies strips {@code [from, to)} of {@code b} ({@link #STRIP_COLS} columns each) into {@code
     * stripBuffer}, each strip's rows one after the other.
     */
    private void packStrips(int from, int to) {
      for (int s = from; s < to; s++) {
        int j = s * STRIP_COLS;
        int q = j * k;
        // Two vectors a step: arraycopy's call costs more than the copy at this length.
        for (int p = 0; p < k; p++) {
          int src = p * n + j;
          FloatVector.fromArray(S, b, src).intoArray(stripBuffer, q);
          FloatVector.fromArray(S, b, src + L).intoArray(stripBuffer, q + L);
          q += STRIP_COLS;
        }
      }
    }

    /**
     * Packs strips {@code [from, to)} of {@code aᵀ} from the m×k {@code a}: strip {@code s} holds
     * rows {@code s·STRIP_COLS ..} of {@code a}, one value of each per reduction step, and zeros
     * for rows past {@code m}.
     */
    private void packTransposedStrips(int from, int to) {
      for (int s = from; s < to; s++) {
        int j = s * STRIP_COLS;
        // In blocks of steps, so that the lines a block writes stay in L1 until all the strip's
        // rows have filled them: a whole strip of a long row is larger than L1.
        for (int p0 = 0; p0 < k; p0 += PACK_BLOCK) {
          int p1 = Math.min(k, p0 + PACK_BLOCK);
          int col = 0;
          // Two rows at a time while both are in the batch, as the weight panels are gathered.
          for (; col + 2 <= STRIP_COLS && j + col + 2 <= m; col += 2) {
            int d = j * k + p0 * STRIP_COLS + col;
            int src = (j + col) * k;
            int src1 = src + k;
            for (int p = p0; p < p1; p++) {
              stripBuffer[d] = a[src + p];
              stripBuffer[d + 1] = a[src1 + p];
              d += STRIP_COLS;
            }
          }
          for (; col < STRIP_COLS; col++) {
            int d = j * k + p0 * STRIP_COLS + col;
            if (j + col < m) {
              int src = (j + col) * k;
              for (int p = p0; p < p1; p++) {
                stripBuffer[d] = a[src + p];
                d += STRIP_COLS;
              }
            } else {
              for (int p = p0; p < p1; p++) {
                stripBuffer[d] = 0f;
                d += STRIP_COLS;
              }
            }
          }
        }
      }
    }

    /**
     * Writes rows {@code [from, to)} of the padded product {@code ct} into columns {@code [from,
     * to)} of the m×n {@code c}, plus {@code row[i]} in column {@code i} when there is a row.
     *
     * <p>Sixteen columns at a time, row by row, so that the writes run along rows of {@code c} and
     * the sixteen rows of {@code ct} they read stay in L1. Column by column, each write went to
     * another row of c, n floats on, and the 784x256 forward spent 23 µs here with one thread
     * against 12 µs now (the same sums, in the same place).
     */
    private void writeBack(int from, int to) {
      for (int i0 = from; i0 < to; i0 += 16) {
        int i1 = Math.min(i0 + 16, to);
        for (int j = 0; j < m; j++) {
          int dst = j * n;
          if (row == null) {
            for (int i = i0; i < i1; i++) {
              c[dst + i] = ct[i * width + j];
            }
          } else {
            for (int i = i0; i < i1; i++) {
              c[dst + i] = ct[i * width + j] + row[i];
            }
          }
        }
      }
    }

    /**
     * Computes the rows of {@code c = a·bᵀ + row} that strips {@code [s0, s1)} of the batch hold:
     * packs the strips, meets them with every panel of {@code b} (read in place; the last one, past
     * b's rows, packed with zeros), each strip's product in a region of {@code ct} of its own, then
     * writes those rows of {@code c}.
     */
    private void forwardStrips(int s0, int s1) {
      packTransposedStrips(s0, s1);
      int panelEnd = n - n % PANEL_ROWS;
      int region = height * STRIP_COLS;
      for (int i = 0; i < panelEnd; i += PANEL_ROWS) {
        for (int s = s0; s < s1; s++) {
          rowsTile6x2(
              b,
              i * k,
              k,
              stripBuffer,
              s * STRIP_COLS * k,
              ct,
              STRIP_COLS,
              s * region + i * STRIP_COLS,
              k);
        }
      }
      if (panelEnd < n) {
        int at = s0 * PANEL_ROWS * k;
        packPanels(b, k, 1, n, panelEnd, panelEnd + PANEL_ROWS, 0, k, k, panels, at);
        for (int s = s0; s < s1; s++) {
          packedTile6x2(
              panels,
              at,
              stripBuffer,
              s * STRIP_COLS * k,
              ct,
              STRIP_COLS,
              s * region + panelEnd * STRIP_COLS,
              k,
              true);
        }
      }
      // Sixteen columns of c at a time, row by row, as writeBack does: the sixteen rows of ct
      // they read stay in L1.
      int rowEnd = Math.min(m, s1 * STRIP_COLS);
      for (int i0 = 0; i0 < n; i0 += 16) {
        int i1 = Math.min(i0 + 16, n);
        for (int j = s0 * STRIP_COLS; j < rowEnd; j++) {
          int dst = j * n;
          int src = (j / STRIP_COLS) * region + j % STRIP_COLS;
          if (row == null) {
            for (int i = i0; i < i1; i++) {
              c[dst + i] = ct[src + i * STRIP_COLS];
            }
          } else {
            for (int i = i0; i < i1; i++) {
              c[dst + i] = ct[src + i * STRIP_COLS] + row[i];
            }
          }
        }
      }
    }

    void reserveStrips(int size) {
      if (stripBuffer.length < size) {
        stripBuffer = new float[size];
      }
    }

    void reserve(int panelsSize, int ctSize) {
      if (panels.length < panelsSize) {
        panels = new float[panelsSize];
      }
      if (ct.length < ctSize) {
        ct = new float[ctSize];
      }
    }

    @Override
    public void run(int from, int to) {
      switch (form) {
        case MULTIPLY:
          packedProduct(a, k, 1, m, b, n, n, c, n, from, to);
          break;
        case TRANSPOSED_A:
          packedProduct(a, 1, m, m, b, n, n, c, n, from, to);
          break;
        case PACK_TRANSPOSED_STRIPS:
          packTransposedStrips(from, to);
          break;
        case TRANSPOSED_B:
          // Rows [from, to) of (a·bᵀ)ᵀ = b·aᵀ, padded: whole panels and strips only; then the
          // piece's columns of c, while its rows of the product are still in the cache.
          packedProduct(b, k, 1, n, stripBuffer, width, width, ct, width, from, to);
          writeBack(from, Math.min(to, n));
          break;
        case PACK_STRIPS:
          packStrips(from, to);
          break;
        case PACK_PANELS:
          // A(i, p) is a[i·k + p] for a multiply, a[p·m + i] for a transposed a.
          if (transposedA) {
            packPanels(a, 1, m, m, from, to, 0, k, k, panels, from * k);
          } else {
            packPanels(a, k, 1, m, from, to, 0, k, k, panels, from * k);
          }
          break;
        case FORWARD_STRIPS:
          forwardStrips(from, to);
          break;
        case STRIP_PRODUCT:
          if (transposedA) {
            stripProduct(a, 1, m, b, from, to, to == n / STRIP_COLS);
          } else {
            stripProduct(a, k, 1, b, from, to, to == n / STRIP_COLS);
          }
          break;
        default:
          dotRows(a, b, c, k, n, from, to);
          break;
      }
    }
  }

  /**
   * Computes {@code c[i·ldc + j] = Σ_p a[i·ars + p·aps] · b[p·ldb + j]} for a block of rows and
   * columns.
   *
   * <p>The strides let one kernel read {@code a} row-major ({@code ars = k, aps = 1}) or transposed
   * ({@code ars = 1, aps = m}).
   */
  static void axpy(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int k,
      int from,
      int to,
      int j0,
      int j1) {
    if (k == 0) {
      for (int i = from; i < to; i++) {
        Arrays.fill(c, i * ldc + j0, i * ldc + j1, 0f);
      }
      return;
    }
    for (int p0 = 0; p0 < k; p0 += KC) {
      int p1 = Math.min(k, p0 + KC);
      boolean first = p0 == 0;
      int j = j0;
      for (; j + 3 * L <= j1; j += 3 * L) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
          tile4x3(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
        for (; i < to; i++) {
          tile1x3(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
      }
      if (j + 2 * L <= j1) {
        // Two vectors of columns hold 8 accumulators in 4 rows: 6 rows keep 12, as the 3-vector
        // strips do, and load b once for 12 fma instead of 8.
        int i = from;
        for (; i + 6 <= to; i += 6) {
          tile6x2(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
        for (; i + 4 <= to; i += 4) {
          tile4x2(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
        for (; i < to; i++) {
          tile1x1(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
          tile1x1(a, ars, aps, b, ldb, c, ldc, i, j + L, p0, p1, first);
        }
        j += 2 * L;
      }
      for (; j + L <= j1; j += L) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
          tile4x1(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
        for (; i < to; i++) {
          tile1x1(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
      }
      for (; j < j1; j++) {
        for (int i = from; i < to; i++) {
          scalar(a, ars, aps, b, ldb, c, ldc, i, j, p0, p1, first);
        }
      }
    }
  }

  /**
   * The packed tile: {@code c[ci + r·ldc + v·L ..] (+)= Σ_p ap[ao + p·6 + r] · bp[bo + p·2L + v·L
   * ..]} for 6 rows {@code r} and 2 vectors {@code v}, over {@code kc} reduction steps.
   */
  private static void packedTile6x2(
      float[] ap, int ao, float[] bp, int bo, float[] c, int ldc, int ci, int kc, boolean first) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    FloatVector s00 = start(c, ci, first);
    FloatVector s01 = start(c, ci + L, first);
    FloatVector s10 = start(c, c1, first);
    FloatVector s11 = start(c, c1 + L, first);
    FloatVector s20 = start(c, c2, first);
    FloatVector s21 = start(c, c2 + L, first);
    FloatVector s30 = start(c, c3, first);
    FloatVector s31 = start(c, c3 + L, first);
    FloatVector s40 = start(c, c4, first);
    FloatVector s41 = start(c, c4 + L, first);
    FloatVector s50 = start(c, c5, first);
    FloatVector s51 = start(c, c5 + L, first);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * (2 * L);
      int r = ao + p * 6;
      FloatVector b0 = FloatVector.fromArray(S, bp, q);
      FloatVector b1 = FloatVector.fromArray(S, bp, q + L);
      FloatVector x = FloatVector.broadcast(S, ap[r]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(S, ap[r + 1]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(S, ap[r + 2]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(S, ap[r + 3]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      x = FloatVector.broadcast(S, ap[r + 4]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      x = FloatVector.broadcast(S, ap[r + 5]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
  }

  /**
   * {@link #packedTile6x2} with the six rows of {@code A} read in place: {@code c[ci + r·ldc + v·L
   * ..] = Σ_p a[ao + r·lda + p] · bp[bo + p·2L + v·L ..]}, the same chain of fma from zero.
   *
   * <p>Its body has the shape of {@link #tile6x2}'s, which reads any strided {@code a}. One strided
   * tile for both, taking its offsets from the callers, ran the 784x256 forward in 302 µs (against
   * 246 µs here) with the rows' index bumped by the stride at each step, as tile6x2 does; indexed
   * by the step times the stride it was as fast as this one, but it allocated after the warm-up
   * (VectorWarmUpTests, not looked into further). So the two stay apart.
   */
  private static void rowsTile6x2(
      float[] a, int ao, int lda, float[] bp, int bo, float[] c, int ldc, int ci, int kc) {
    int c1 = ci + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = s00;
    FloatVector s10 = s00;
    FloatVector s11 = s00;
    FloatVector s20 = s00;
    FloatVector s21 = s00;
    FloatVector s30 = s00;
    FloatVector s31 = s00;
    FloatVector s40 = s00;
    FloatVector s41 = s00;
    FloatVector s50 = s00;
    FloatVector s51 = s00;
    int a1 = ao + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int a4 = a3 + lda;
    int a5 = a4 + lda;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * (2 * L);
      FloatVector b0 = FloatVector.fromArray(S, bp, q);
      FloatVector b1 = FloatVector.fromArray(S, bp, q + L);
      FloatVector x = FloatVector.broadcast(S, a[ao + p]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      x = FloatVector.broadcast(S, a[a4 + p]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      x = FloatVector.broadcast(S, a[a5 + p]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
  }

  private static FloatVector start(float[] c, int at, boolean first) {
    return first ? FloatVector.zero(S) : FloatVector.fromArray(S, c, at);
  }

  private static void tile4x3(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    FloatVector s00 = start(c, c0, first);
    FloatVector s01 = start(c, c0 + L, first);
    FloatVector s02 = start(c, c0 + 2 * L, first);
    FloatVector s10 = start(c, c1, first);
    FloatVector s11 = start(c, c1 + L, first);
    FloatVector s12 = start(c, c1 + 2 * L, first);
    FloatVector s20 = start(c, c2, first);
    FloatVector s21 = start(c, c2 + L, first);
    FloatVector s22 = start(c, c2 + 2 * L, first);
    FloatVector s30 = start(c, c3, first);
    FloatVector s31 = start(c, c3 + L, first);
    FloatVector s32 = start(c, c3 + 2 * L, first);
    int a0 = i * ars + p0 * aps;
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
      FloatVector x = FloatVector.broadcast(S, a[a0]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      s02 = x.fma(b2, s02);
      x = FloatVector.broadcast(S, a[a1]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      s12 = x.fma(b2, s12);
      x = FloatVector.broadcast(S, a[a2]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      s22 = x.fma(b2, s22);
      x = FloatVector.broadcast(S, a[a3]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      s32 = x.fma(b2, s32);
      a0 += aps;
      a1 += aps;
      a2 += aps;
      a3 += aps;
      bp += ldb;
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + L);
    s02.intoArray(c, c0 + 2 * L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s12.intoArray(c, c1 + 2 * L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s22.intoArray(c, c2 + 2 * L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s32.intoArray(c, c3 + 2 * L);
  }

  private static void tile6x2(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    int c4 = c3 + ldc;
    int c5 = c4 + ldc;
    FloatVector s00 = start(c, c0, first);
    FloatVector s01 = start(c, c0 + L, first);
    FloatVector s10 = start(c, c1, first);
    FloatVector s11 = start(c, c1 + L, first);
    FloatVector s20 = start(c, c2, first);
    FloatVector s21 = start(c, c2 + L, first);
    FloatVector s30 = start(c, c3, first);
    FloatVector s31 = start(c, c3 + L, first);
    FloatVector s40 = start(c, c4, first);
    FloatVector s41 = start(c, c4 + L, first);
    FloatVector s50 = start(c, c5, first);
    FloatVector s51 = start(c, c5 + L, first);
    int a0 = i * ars + p0 * aps;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[a0]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(S, a[a0 + ars]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(S, a[a0 + 2 * ars]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(S, a[a0 + 3 * ars]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      x = FloatVector.broadcast(S, a[a0 + 4 * ars]);
      s40 = x.fma(b0, s40);
      s41 = x.fma(b1, s41);
      x = FloatVector.broadcast(S, a[a0 + 5 * ars]);
      s50 = x.fma(b0, s50);
      s51 = x.fma(b1, s51);
      a0 += aps;
      bp += ldb;
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
  }

  private static void tile4x2(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    FloatVector s00 = start(c, c0, first);
    FloatVector s01 = start(c, c0 + L, first);
    FloatVector s10 = start(c, c1, first);
    FloatVector s11 = start(c, c1 + L, first);
    FloatVector s20 = start(c, c2, first);
    FloatVector s21 = start(c, c2 + L, first);
    FloatVector s30 = start(c, c3, first);
    FloatVector s31 = start(c, c3 + L, first);
    int a0 = i * ars + p0 * aps;
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[a0]);
      s00 = x.fma(b0, s00);
      s01 = x.fma(b1, s01);
      x = FloatVector.broadcast(S, a[a1]);
      s10 = x.fma(b0, s10);
      s11 = x.fma(b1, s11);
      x = FloatVector.broadcast(S, a[a2]);
      s20 = x.fma(b0, s20);
      s21 = x.fma(b1, s21);
      x = FloatVector.broadcast(S, a[a3]);
      s30 = x.fma(b0, s30);
      s31 = x.fma(b1, s31);
      a0 += aps;
      a1 += aps;
      a2 += aps;
      a3 += aps;
      bp += ldb;
    }
    s00.intoArray(c, c0);
    s01.intoArray(c, c0 + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
  }

  private static void tile4x1(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    int c1 = c0 + ldc;
    int c2 = c1 + ldc;
    int c3 = c2 + ldc;
    FloatVector s0 = start(c, c0, first);
    FloatVector s1 = start(c, c1, first);
    FloatVector s2 = start(c, c2, first);
    FloatVector s3 = start(c, c3, first);
    int a0 = i * ars + p0 * aps;
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      s0 = FloatVector.broadcast(S, a[a0]).fma(b0, s0);
      s1 = FloatVector.broadcast(S, a[a1]).fma(b0, s1);
      s2 = FloatVector.broadcast(S, a[a2]).fma(b0, s2);
      s3 = FloatVector.broadcast(S, a[a3]).fma(b0, s3);
      a0 += aps;
      a1 += aps;
      a2 += aps;
      a3 += aps;
      bp += ldb;
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
  }

  private static void tile1x3(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    FloatVector s0 = start(c, c0, first);
    FloatVector s1 = start(c, c0 + L, first);
    FloatVector s2 = start(c, c0 + 2 * L, first);
    int a0 = i * ars + p0 * aps;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      FloatVector x = FloatVector.broadcast(S, a[a0]);
      s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
      s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
      s2 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), s2);
      a0 += aps;
      bp += ldb;
    }
    s0.intoArray(c, c0);
    s1.intoArray(c, c0 + L);
    s2.intoArray(c, c0 + 2 * L);
  }

  private static void tile1x1(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int c0 = i * ldc + j;
    FloatVector s0 = start(c, c0, first);
    int a0 = i * ars + p0 * aps;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      s0 = FloatVector.broadcast(S, a[a0]).fma(FloatVector.fromArray(S, b, bp), s0);
      a0 += aps;
      bp += ldb;
    }
    s0.intoArray(c, c0);
  }

  private static void scalar(
      float[] a,
      int ars,
      int aps,
      float[] b,
      int ldb,
      float[] c,
      int ldc,
      int i,
      int j,
      int p0,
      int p1,
      boolean first) {
    int ci = i * ldc + j;
    float s = first ? 0f : c[ci];
    int ap = i * ars + p0 * aps;
    int bp = p0 * ldb + j;
    for (int p = p0; p < p1; p++) {
      s = Math.fma(a[ap], b[bp], s);
      ap += aps;
      bp += ldb;
    }
    c[ci] = s;
  }

  /**
   * Computes rows {@code [from, to)} of {@code a·bᵀ} as dot products of contiguous rows.
   *
   * <p>Each element sums L lane-wise fma chains pairwise in a fixed order, then adds the scalar
   * tail: a different rounding than the axpy form, but fixed by the shape alone.
   */
  static void dotRows(float[] a, float[] b, float[] c, int k, int n, int from, int to) {
    float[] lanes = LANES.get();
    int kv = k - k % L;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      int j = 0;
      for (; j + 3 <= n; j += 3) {
        dot4x3(a, b, c, k, kv, n, i, j, lanes);
      }
      for (; j < n; j++) {
        for (int r = 0; r < 4; r++) {
          c[(i + r) * n + j] = dot(a, (i + r) * k, b, j * k, k, kv, lanes);
        }
      }
    }
    for (; i < to; i++) {
      for (int j = 0; j < n; j++) {
        c[i * n + j] = dot(a, i * k, b, j * k, k, kv, lanes);
      }
    }
  }

  private static void dot4x3(
      float[] a, float[] b, float[] c, int k, int kv, int n, int i, int j, float[] lanes) {
    int a0 = i * k;
    int a1 = a0 + k;
    int a2 = a1 + k;
    int a3 = a2 + k;
    int b0 = j * k;
    int b1 = b0 + k;
    int b2 = b1 + k;
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = s00;
    FloatVector s02 = s00;
    FloatVector s10 = s00;
    FloatVector s11 = s00;
    FloatVector s12 = s00;
    FloatVector s20 = s00;
    FloatVector s21 = s00;
    FloatVector s22 = s00;
    FloatVector s30 = s00;
    FloatVector s31 = s00;
    FloatVector s32 = s00;
    for (int p = 0; p < kv; p += L) {
      FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
      FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
      FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
      FloatVector x = FloatVector.fromArray(S, a, a0 + p);
      s00 = x.fma(y0, s00);
      s01 = x.fma(y1, s01);
      s02 = x.fma(y2, s02);
      x = FloatVector.fromArray(S, a, a1 + p);
      s10 = x.fma(y0, s10);
      s11 = x.fma(y1, s11);
      s12 = x.fma(y2, s12);
      x = FloatVector.fromArray(S, a, a2 + p);
      s20 = x.fma(y0, s20);
      s21 = x.fma(y1, s21);
      s22 = x.fma(y2, s22);
      x = FloatVector.fromArray(S, a, a3 + p);
      s30 = x.fma(y0, s30);
      s31 = x.fma(y1, s31);
      s32 = x.fma(y2, s32);
    }
    int c0 = i * n + j;
    c[c0] = finish(s00, a, a0, b, b0, k, kv, lanes);
    c[c0 + 1] = finish(s01, a, a0, b, b1, k, kv, lanes);
    c[c0 + 2] = finish(s02, a, a0, b, b2, k, kv, lanes);
    c0 += n;
    c[c0] = finish(s10, a, a1, b, b0, k, kv, lanes);
    c[c0 + 1] = finish(s11, a, a1, b, b1, k, kv, lanes);
    c[c0 + 2] = finish(s12, a, a1, b, b2, k, kv, lanes);
    c0 += n;
    c[c0] = finish(s20, a, a2, b, b0, k, kv, lanes);
    c[c0 + 1] = finish(s21, a, a2, b, b1, k, kv, lanes);
    c[c0 + 2] = finish(s22, a, a2, b, b2, k, kv, lanes);
    c0 += n;
    c[c0] = finish(s30, a, a3, b, b0, k, kv, lanes);
    c[c0 + 1] = finish(s31, a, a3, b, b1, k, kv, lanes);
    c[c0 + 2] = finish(s32, a, a3, b, b2, k, kv, lanes);
  }

  private static float dot(float[] a, int ai, float[] b, int bj, int k, int kv, float[] lanes) {
    FloatVector s = FloatVector.zero(S);
    for (int p = 0; p < kv; p += L) {
      s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s);
    }
    return finish(s, a, ai, b, bj, k, kv, lanes);
  }

  /** Sums the lanes pairwise in a fixed order, then adds the scalar tail of the reduction. */
  private static float finish(
      FloatVector s, float[] a, int ai, float[] b, int bj, int k, int kv, float[] lanes) {
    s.intoArray(lanes, 0);
    for (int w = L >> 1; w > 0; w >>= 1) {
      for (int q = 0; q < w; q++) {
        lanes[q] += lanes[q + w];
      }
    }
    float t = 0f;
    for (int p = kv; p < k; p++) {
      t = Math.fma(a[ai + p], b[bj + p], t);
    }
    return lanes[0] + t;
  }
}
