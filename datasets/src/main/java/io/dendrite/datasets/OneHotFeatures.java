package io.dendrite.datasets;

import io.dendrite.core.data.Features;

/**
 * Features with some columns of category codes expanded into 0/1 columns as rows are read: nothing
 * is copied, and the table stays as compact as the one it reads (bytes stay bytes).
 */
final class OneHotFeatures implements Features {
  private final Features source;
  private final int[] classesOfColumn;
  private final int[] start;
  private final int cols;

  /**
   * @param columns the expanded source columns, ascending
   * @param classes the number of codes of each, at least 1
   */
  OneHotFeatures(Features source, int[] columns, int[] classes) {
    this.source = source;
    this.classesOfColumn = new int[source.cols()];
    for (int j = 0; j < columns.length; j++) {
      classesOfColumn[columns[j]] = classes[j];
    }
    this.start = new int[source.cols()];
    int at = 0;
    for (int j = 0; j < source.cols(); j++) {
      start[j] = at;
      at += classesOfColumn[j] == 0 ? 1 : classesOfColumn[j];
    }
    this.cols = at;
  }

  private OneHotFeatures(Features source, int[] classesOfColumn, int[] start, int cols) {
    this.source = source;
    this.classesOfColumn = classesOfColumn;
    this.start = start;
    this.cols = cols;
  }

  @Override
  public int rows() {
    return source.rows();
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void copyRow(int row, float[] into, int offset) {
    source.copyRow(row, into, offset);
    // Expanded in place from the right: a column's output starts at or after its own index, so
    // every source value is read before anything is written over it. No scratch row is needed.
    for (int j = start.length - 1; j >= 0; j--) {
      float v = into[offset + j];
      int k = classesOfColumn[j];
      int out = offset + start[j];
      if (k == 0) {
        into[out] = v;
        continue;
      }
      for (int c = 0; c < k; c++) {
        into[out + c] = 0;
      }
      int code = (int) v;
      if (code >= 0 && code < k && code == v) {
        into[out + code] = 1;
      }
    }
  }

  @Override
  public Features select(int[] rows) {
    return new OneHotFeatures(source.select(rows), classesOfColumn, start, cols);
  }

  @Override
  public long bytes() {
    return source.bytes() + 8L * start.length;
  }
}
