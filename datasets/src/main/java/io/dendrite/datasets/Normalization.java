package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import java.util.Locale;

/** How pixel bytes (0 to 255) become float features. */
enum Normalization {
  /** Divided by 255, so features lie in [0, 1]: what MLPs with default initializers expect. */
  UNIT(255f),
  /** Kept as they are, 0 to 255. */
  NONE(1f);

  /** The {@code normalize} parameter shared by the IDX-based datasets. */
  static final Param<String> PARAM =
      Param.choice(
          "normalize",
          "unit",
          "how pixel bytes become features: unit divides by 255 (0 to 1), none keeps 0 to 255",
          "unit",
          "none");

  // One division per possible byte value, done once, keeps the conversion loop a table lookup.
  private final float[] table = new float[256];

  Normalization(float divisor) {
    for (int i = 0; i < table.length; i++) {
      table[i] = i / divisor;
    }
  }

  /** The normalization a validated {@link #PARAM} value names. */
  static Normalization of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The feature value of each byte value, 0 to 255 (a copy). */
  float[] table() {
    return table.clone();
  }
}
