package io.dendrite.datasets;

/** The two IDX file kinds of an MNIST-style data set, with their magic numbers. */
enum IdxKind {
  IMAGES(0x00000803, "images", "image"),
  LABELS(0x00000801, "labels", "label");

  private final int magic;
  private final String plural;
  private final String singular;

  IdxKind(int magic, String plural, String singular) {
    this.magic = magic;
    this.plural = plural;
    this.singular = singular;
  }

  /** The magic number: two zero bytes, the data type (0x08, unsigned byte), the dimension count. */
  int magic() {
    return magic;
  }

  int dimensions() {
    return magic & 0xff;
  }

  /** Bytes before the first record: the magic number and one 32-bit size per dimension. */
  int headerBytes() {
    return 4 + 4 * dimensions();
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
    for (IdxKind kind : values()) {
      if (kind.magic == magic) {
        return "this is an IDX " + kind.plural + " file";
      }
      if (Integer.reverseBytes(kind.magic) == magic) {
        return "this looks like IDX " + kind.plural + " written in little-endian byte order";
      }
    }
    if ((magic >>> 16) != 0) {
      return "this is not an IDX file (an IDX file starts with two zero bytes)";
    }
    int type = (magic >>> 8) & 0xff;
    return "this is IDX data of type 0x"
        + String.format("%02X", type)
        + " ("
        + typeName(type)
        + ") with "
        + (magic & 0xff)
        + " dimensions; only unsigned bytes (0x08) are supported";
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x08 -> "unsigned byte";
      case 0x09 -> "signed byte";
      case 0x0B -> "short";
      case 0x0C -> "int";
      case 0x0D -> "float";
      case 0x0E -> "double";
      default -> "unknown type";
    };
  }
}
