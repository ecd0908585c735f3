package io.dendrite.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The header of an IDX file, checked: a kind, an element type and sizes that are neither negative
 * nor zero, whose product fits one data set.
 *
 * @param dims the record count, then the shape of one record (empty for labels)
 */
record IdxHeader(IdxKind kind, IdxType type, int[] dims) {
  IdxHeader {
    dims = dims.clone();
  }

  int count() {
    return dims[0];
  }

  /** Values per record: one image's pixels, or 1 for a label. */
  int recordValues() {
    int n = 1;
    for (int i = 1; i < dims.length; i++) {
      n *= dims[i];
    }
    return n;
  }

  /** Bytes per record in the file; fits an int because the reader checked it. */
  int recordBytes() {
    return recordValues() * type.size();
  }

  /** Bytes before the first record: the magic number and one 32-bit size per dimension. */
  int headerBytes() {
    return 4 + 4 * dims.length;
  }

  /** The shape of one record in words: {@code 28x28}. */
  String shape() {
    return Arrays.stream(dims, 1, dims.length)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining("x"));
  }

  /** The records in words, for messages: {@code 10 images of 28x28} or {@code 10 labels}. */
  String describe(long records) {
    String noun = records == 1 ? kind.singular() : kind.plural();
    String of = type == IdxType.UNSIGNED_BYTE ? "" : " " + type.plural();
    return kind == IdxKind.IMAGES
        ? records + " " + noun + " of " + shape() + of
        : records + " " + noun + of;
  }

  /** What the data of this file is called in messages. */
  String dataName() {
    return kind == IdxKind.IMAGES ? "pixel data" : "label data";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdxHeader h
        && h.kind == kind
        && h.type == type
        && Arrays.equals(h.dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind.hashCode() + type.hashCode()) + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return kind + " " + type + " " + Arrays.toString(dims);
  }
}
