package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import java.util.Locale;

/** How byte values become float features. */
enum Normalization {
  /** Unsigned bytes divided by 255 (0 to 1), signed bytes by 128 (-1 to 1). */
  UNIT(255f, 128f),
  /** Kept as they are: 0 to 255, or -128 to 127. */
  NONE(1f, 1f);

  /** The {@code normalize} parameter shared by the IDX-based datasets. */
  static final Param<String> PARAM =
      Param.choice(
          "normalize",
          "unit",
          "how byte values become features: unit divides unsigned bytes by 255 (0 to 1) and signed"
              + " ones by 128; none keeps them; other IDX types are never changed",
          "unit",
          "none");

  // One division per possible byte value, done once, keeps the conversion loop a table lookup.
  private final float[] unsigned = new float[256];
  private final float[] signed = new float[256];

  Normalization(float unsignedDivisor, float signedDivisor) {
    for (int i = 0; i < 256; i++) {
      unsigned[i] = i / unsignedDivisor;
      signed[i] = ((byte) i) / signedDivisor;
    }
  }

  /** The normalization a validated {@link #PARAM} value names. */
  static Normalization of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The feature value of each unsigned byte value, 0 to 255 (a copy). */
  float[] table() {
    return unsigned.clone();
  }

  /**
   * The feature value of each byte, indexed by its unsigned value, for IDX data of {@code type}.
   */
  float[] table(IdxType type) {
    return (type == IdxType.SIGNED_BYTE ? signed : unsigned).clone();
  }
}
