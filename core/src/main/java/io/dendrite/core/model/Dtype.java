package io.dendrite.core.model;

import java.util.Optional;
import java.util.Set;

/** The element types Dendrite reads and writes, by their safetensors names. */
enum Dtype {
  F32(Float.BYTES),
  F64(Double.BYTES);

  /**
   * The other types the safetensors format defines: a file holding one of them is well formed but
   * needs converting, which deserves a different message from a damaged file.
   */
  private static final Set<String> OTHER_SAFETENSORS_TYPES =
      Set.of(
          "BOOL", "U8", "I8", "I16", "U16", "F16", "BF16", "I32", "U32", "I64", "U64", "F8_E5M2",
          "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

  private final int bytes;

  Dtype(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  int bytes() {
    return bytes;
  }

  /** The type named {@code name} in a header, if Dendrite reads it. */
  static Optional<Dtype> named(String name) {
    for (Dtype type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** True for a type of the safetensors format that Dendrite does not read. */
  static boolean isOtherSafetensorsType(String name) {
    return OTHER_SAFETENSORS_TYPES.contains(name);
  }
}
