package io.dendrite.core.model;

import java.util.List;

/**
 * One tensor of a header: its name, type, shape and where its bytes lie in the data section.
 *
 * @param rank 0, 1 or 2: how many dimensions the header gives; a matrix of rank 0 is 1 x 1 and one
 *     of rank 1 is 1 x {@code cols}
 * @param begin the first byte, counted from the start of the data section
 * @param end one past the last byte, counted from the start of the data section
 */
record TensorEntry(String name, Dtype dtype, int rank, int rows, int cols, long begin, long end) {

  /** The entry for a matrix of {@code rows x cols} whose data starts at {@code begin}. */
  static TensorEntry forMatrix(String name, Dtype dtype, int rows, int cols, long begin) {
    // One row is a vector, so that a bias reads in PyTorch as nn.Linear.bias does.
    int rank = rows == 1 ? 1 : 2;
    return new TensorEntry(name, dtype, rank, rows, cols, begin, begin + bytes(dtype, rows, cols));
  }

  private static long bytes(Dtype dtype, int rows, int cols) {
    return (long) rows * cols * dtype.bytes();
  }

  /** The number of values. */
  int elements() {
    return rows * cols;
  }

  /** The shape as the header gives it. */
  List<Long> shape() {
    return switch (rank) {
      case 0 -> List.of();
      case 1 -> List.of((long) cols);
      default -> List.of((long) rows, (long) cols);
    };
  }
}
