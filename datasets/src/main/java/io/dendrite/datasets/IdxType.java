package io.dendrite.datasets;

import java.nio.ByteBuffer;
import java.util.Optional;

/** The element types of IDX data, by the code in the third byte of the magic number. */
enum IdxType {
  UNSIGNED_BYTE(0x08, 1, "unsigned byte", "unsigned bytes"),
  SIGNED_BYTE(0x09, 1, "signed byte", "signed bytes"),
  SHORT(0x0B, 2, "short", "shorts (16-bit integers)"),
  INT(0x0C, 4, "int", "ints (32-bit integers)"),
  FLOAT(0x0D, 4, "float", "floats (32-bit)"),
  DOUBLE(0x0E, 8, "double", "doubles (64-bit floats)");

  private final int code;
  private final int size;
  private final String singular;
  private final String plural;

  IdxType(int code, int size, String singular, String plural) {
    this.code = code;
    this.size = size;
    this.singular = singular;
    this.plural = plural;
  }

  /** The type whose code is {@code code}, if IDX defines one. */
  static Optional<IdxType> of(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  int code() {
    return code;
  }

  /** Bytes per value. */
  int size() {
    return size;
  }

  /** Whether values are whole numbers, as labels must be. */
  boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /** Whether values stay one byte each in memory (read through a table of 256 floats). */
  boolean isByte() {
    return size == 1;
  }

  String singular() {
    return singular;
  }

  String plural() {
    return plural;
  }

  /** The value at {@code offset} of big-endian {@code data}. */
  double get(ByteBuffer data, int offset) {
    return switch (this) {
      case UNSIGNED_BYTE -> data.get(offset) & 0xff;
      case SIGNED_BYTE -> data.get(offset);
      case SHORT -> data.getShort(offset);
      case INT -> data.getInt(offset);
      case FLOAT -> data.getFloat(offset);
      case DOUBLE -> data.getDouble(offset);
    };
  }

  /** The type's name for a code IDX may not define, for messages: {@code 0x0D (float)}. */
  static String describeCode(int code) {
    return String.format("0x%02X", code) + of(code).map(t -> " (" + t.singular + ")").orElse("");
  }
}
