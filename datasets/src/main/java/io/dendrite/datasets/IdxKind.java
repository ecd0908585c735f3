package io.dendrite.datasets;

/**
 * The two IDX files of a labelled data set: records (images, or any tensor per example) and labels.
 */
enum IdxKind {
  /** Two or more dimensions: the record count, then the shape of one record. */
  IMAGES(0x00000803, "images", "image"),
  /** One dimension, the label count, of integers. */
  LABELS(0x00000801, "labels", "label");

  private final int usualMagic;
  private final String plural;
  private final String singular;

  IdxKind(int usualMagic, String plural, String singular) {
    this.usualMagic = usualMagic;
    this.plural = plural;
    this.singular = singular;
  }

  /** The magic number of MNIST's files of this kind: unsigned bytes, 3 or 1 dimensions. */
  int usualMagic() {
    return usualMagic;
  }

  /** Whether a file of {@code dimensions} dimensions can be of this kind. */
  boolean accepts(int dimensions) {
    return this == LABELS ? dimensions == 1 : dimensions >= 2;
  }

  /** The dimensions this kind has, in words, for messages. */
  String dimensionsText() {
    return this == LABELS ? "1 dimension" : "2 or more dimensions";
  }

  String plural() {
    return plural;
  }

  String singular() {
    return singular;
  }

  /** The magic number in words, for messages: {@code 2051 (0x00000803)}. */
  static String hex(int magic) {
    return magic + " (0x" + String.format("%08X", magic) + ")";
  }

  /** What a file starting with {@code magic} probably is, for a wrong-magic message. */
  static String describe(int magic) {
    if ((magic >>> 16) != 0) {
      int swapped = Integer.reverseBytes(magic);
      if ((swapped >>> 16) == 0 && IdxType.of((swapped >>> 8) & 0xff).isPresent()) {
        return "this looks like IDX data written in little-endian byte order (IDX is big-endian)";
      }
      return "this is not an IDX file (an IDX file starts with two zero bytes)";
    }
    int type = (magic >>> 8) & 0xff;
    int dimensions = magic & 0xff;
    if (IdxType.of(type).isEmpty()) {
      return "the element type "
          + IdxType.describeCode(type)
          + " is not an IDX type; expected 0x08 (unsigned byte), 0x09 (signed byte), 0x0B (short),"
          + " 0x0C (int), 0x0D (float) or 0x0E (double)";
    }
    for (IdxKind kind : values()) {
      if (kind.accepts(dimensions)) {
        return "this is an IDX "
            + kind.plural
            + " file ("
            + dimensions
            + (dimensions == 1 ? " dimension" : " dimensions")
            + " of "
            + IdxType.of(type).get().plural()
            + ")";
      }
    }
    return "this IDX file has 0 dimensions";
  }
}
