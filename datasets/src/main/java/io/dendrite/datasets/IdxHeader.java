package io.dendrite.datasets;

/**
 * The header of an IDX file, checked: a kind and sizes that are neither negative nor zero.
 *
 * @param rows pixel rows of one image; 1 for labels
 * @param cols pixel columns of one image; 1 for labels
 */
record IdxHeader(IdxKind kind, int count, int rows, int cols) {
  /** Bytes per record: one image or one label; fits an int because the reader checked it. */
  int recordSize() {
    return rows * cols;
  }

  /** The records in words, for messages: {@code 10 images of 28x28} or {@code 10 labels}. */
  String describe(long records) {
    String noun = records == 1 ? kind.singular() : kind.plural();
    return kind == IdxKind.IMAGES
        ? records + " " + noun + " of " + rows + "x" + cols
        : records + " " + noun;
  }

  /** What the data of this file is called in messages. */
  String dataName() {
    return kind == IdxKind.IMAGES ? "pixel data" : "label data";
  }
}
