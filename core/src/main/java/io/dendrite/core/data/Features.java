package io.dendrite.core.data;

import io.dendrite.core.tensor.Matrix;

/**
 * The features of a set of examples, one row per example, turned into float32 a batch at a time.
 *
 * <p>Features may be held more compactly than floats (images stay bytes: a quarter of the memory),
 * and preprocessing may be applied as rows are read ({@link #mapColumns}). Implementations are
 * immutable, so one table can serve the training, validation and test views of a run, and so that
 * training may copy the rows of a batch on several threads at once ({@link #copyRow} is called
 * concurrently for different rows).
 */
public interface Features {
  /** How many examples. */
  int rows();

  /** Features per example. */
  int cols();

  /** Writes the {@link #cols()} values of {@code row} into {@code into}, from {@code offset}. */
  void copyRow(int row, float[] into, int offset);

  /** The rows numbered {@code rows}, in that order, held as compactly as these. */
  Features select(int[] rows);

  /** The memory the values take, in bytes, for reports. */
  long bytes();

  /** Float32 features over {@code values} (taken as they are: do not change them afterwards). */
  static Features of(Matrix values) {
    return new FloatFeatures(values);
  }

  /**
   * Features held as one unsigned byte per value and read through {@code table} (256 floats):
   * pixels stay bytes in memory and become floats a batch at a time.
   */
  static Features ofBytes(int rows, int cols, byte[] values, float[] table) {
    return new ByteFeatures(rows, cols, values, table);
  }

  /**
   * These features with every value of column {@code j} mapped to {@code x * scale[j] + shift[j]}
   * as it is read, computed in float32: standardization and min-max scaling.
   */
  default Features mapColumns(float[] scale, float[] shift) {
    return new MappedFeatures(this, scale, shift);
  }

  /** Every row as a new float32 matrix: for tests and small data. */
  default Matrix toMatrix() {
    Matrix m = Matrix.floats(rows(), cols());
    float[] values = m.floats();
    for (int r = 0; r < rows(); r++) {
      copyRow(r, values, r * cols());
    }
    return m;
  }
}
