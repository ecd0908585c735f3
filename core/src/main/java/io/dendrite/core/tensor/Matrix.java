package io.dendrite.core.tensor;

import java.util.Arrays;

/**
 * A dense row-major matrix of float32 (the engine) or float64 (gradient checks) values.
 *
 * <p>Training runs in float32. The same layers, activations and losses also run in float64 so that
 * every backward pass can be checked against finite differences in double precision; code that must
 * be fast reads {@link #floats()} directly, code that must only be right uses {@link #get(int)} and
 * {@link #set(int, double)}.
 *
 * <p>The row count may shrink and grow again within the capacity the matrix was made with ({@link
 * #setRows(int)}), so that a last, partial mini-batch reuses the buffers of a full one and a
 * training step allocates nothing.
 */
public final class Matrix {
  private final float[] floats;
  private final double[] doubles;
  private final int capacityRows;
  private final int cols;
  private int rows;

  private Matrix(int rows, int cols, float[] floats, double[] doubles) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    this.rows = rows;
    this.capacityRows = rows;
    this.cols = cols;
    this.floats = floats;
    this.doubles = doubles;
  }

  /** A zero-filled float32 matrix. */
  public static Matrix floats(int rows, int cols) {
    return new Matrix(rows, cols, new float[checkedSize(rows, cols)], null);
  }

  /** A zero-filled float64 matrix. */
  public static Matrix doubles(int rows, int cols) {
    return new Matrix(rows, cols, null, new double[checkedSize(rows, cols)]);
  }

  /** A float32 matrix over the given row-major values (not copied). */
  public static Matrix wrap(int rows, int cols, float[] values) {
    if (values.length < checkedSize(rows, cols)) {
      throw new IllegalArgumentException(
          "array of " + values.length + " values is too small for " + rows + "x" + cols);
    }
    return new Matrix(rows, cols, values, null);
  }

  /** A float64 matrix over the given row-major values (not copied). */
  public static Matrix wrap(int rows, int cols, double[] values) {
    if (values.length < checkedSize(rows, cols)) {
      throw new IllegalArgumentException(
          "array of " + values.length + " values is too small for " + rows + "x" + cols);
    }
    return new Matrix(rows, cols, null, values);
  }

  /** A zero-filled matrix of the given shape with the same precision as this one. */
  public Matrix like(int rows, int cols) {
    return isDouble() ? doubles(rows, cols) : floats(rows, cols);
  }

  private static int checkedSize(int rows, int cols) {
    long size = (long) rows * cols;
    if (rows < 0 || cols < 0 || size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("cannot hold a " + rows + "x" + cols + " matrix");
    }
    return (int) size;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Number of values in use: {@code rows() * cols()}. */
  public int size() {
    return rows * cols;
  }

  /** The largest row count this matrix can take without reallocating. */
  public int capacityRows() {
    return capacityRows;
  }

  /** Uses the first {@code rows} rows of the buffer; values beyond them are left as they are. */
  public Matrix setRows(int rows) {
    if (rows < 0 || rows > capacityRows) {
      throw new IllegalArgumentException(
          "rows " + rows + " outside capacity " + capacityRows + " of this matrix");
    }
    this.rows = rows;
    return this;
  }

  public boolean isDouble() {
    return doubles != null;
  }

  /** The float32 backing array; only valid when {@link #isDouble()} is false. */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("this matrix holds float64 values");
    }
    return floats;
  }

  /** The float64 backing array; only valid when {@link #isDouble()} is true. */
  public double[] doubles() {
    if (doubles == null) {
      throw new IllegalStateException("this matrix holds float32 values");
    }
    return doubles;
  }

  public double get(int index) {
    return doubles != null ? doubles[index] : floats[index];
  }

  public void set(int index, double value) {
    if (doubles != null) {
      doubles[index] = value;
    } else {
      floats[index] = (float) value;
    }
  }

  public double get(int row, int col) {
    return get(row * cols + col);
  }

  public void set(int row, int col, double value) {
    set(row * cols + col, value);
  }

  /** Sets every value in use to {@code value}. */
  public Matrix fill(double value) {
    if (doubles != null) {
      Arrays.fill(doubles, 0, size(), value);
    } else {
      Arrays.fill(floats, 0, size(), (float) value);
    }
    return this;
  }

  /** Copies the values in use of {@code source}, which must have the same shape. */
  public Matrix copyFrom(Matrix source) {
    requireSameShape(source);
    int n = size();
    if (doubles != null && source.doubles != null) {
      System.arraycopy(source.doubles, 0, doubles, 0, n);
    } else if (floats != null && source.floats != null) {
      System.arraycopy(source.floats, 0, floats, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        set(i, source.get(i));
      }
    }
    return this;
  }

  /** A new matrix with the same shape and values, and a capacity of exactly its rows. */
  public Matrix copy() {
    return like(rows, cols).copyFrom(this);
  }

  /** This matrix in float64, a new matrix. */
  public Matrix toDoubles() {
    return doubles(rows, cols).copyFrom(this);
  }

  /** This matrix in float32, a new matrix. */
  public Matrix toFloats() {
    return floats(rows, cols).copyFrom(this);
  }

  /** Throws unless {@code other} has this matrix's rows and columns. */
  public void requireSameShape(Matrix other) {
    if (other.rows != rows || other.cols != cols) {
      throw new IllegalArgumentException(
          "shape " + other.rows + "x" + other.cols + " does not match " + rows + "x" + cols);
    }
  }

  /** True when every value in use is finite. */
  public boolean allFinite() {
    int n = size();
    if (floats != null) {
      // x - x is 0 for every finite x and NaN otherwise; a sum the JIT can keep in registers.
      float nonFinite = 0f;
      for (int i = 0; i < n; i++) {
        float x = floats[i];
        nonFinite += x - x;
      }
      return nonFinite == 0f;
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return (isDouble() ? "Matrix<f64>" : "Matrix<f32>") + "[" + rows + "x" + cols + "]";
  }
}
