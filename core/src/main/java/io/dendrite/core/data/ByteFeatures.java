package io.dendrite.core.data;

/** Features held as one unsigned byte per value, read through a table of 256 floats. */
final class ByteFeatures implements Features {
  private final int rows;
  private final int cols;
  private final byte[] values;
  private final float[] table;

  /** The table as a division, for vector conversion; null when it is not one. */
  private final ByteDivision division;

  ByteFeatures(int rows, int cols, byte[] values, float[] table) {
    if ((long) rows * cols > values.length) {
      throw new IllegalArgumentException(
          values.length + " bytes cannot hold " + rows + " rows of " + cols + " values");
    }
    if (table.length != 256) {
      throw new IllegalArgumentException("a byte table has 256 values, not " + table.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.values = values;
    this.table = table.clone();
    this.division = ByteDivision.of(this.table);
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void copyRow(int row, float[] into, int offset) {
    int base = row * cols;
    int done = division == null ? 0 : division.convert(values, base, cols, into, offset);
    for (int j = done; j < cols; j++) {
      into[offset + j] = table[values[base + j] & 0xff];
    }
  }

  @Override
  public Features select(int[] selected) {
    byte[] out = new byte[selected.length * cols];
    for (int i = 0; i < selected.length; i++) {
      System.arraycopy(values, selected[i] * cols, out, i * cols, cols);
    }
    return new ByteFeatures(selected.length, cols, out, table);
  }

  @Override
  public long bytes() {
    return (long) rows * cols;
  }
}
