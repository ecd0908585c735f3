package io.dendrite.core.data;

import io.dendrite.core.tensor.FloatKernels;

/**
 * A byte table that is a division, {@code table[v] = v / divisor} in float32 for every byte value
 * (taken as unsigned or as signed): then a row is converted with vector divisions instead of one
 * table lookup per value, which the JIT cannot vectorize. The divisor is found from the table and
 * checked against all 256 values, so that both ways give the same bits.
 */
final class ByteDivision {
  final float divisor;
  final boolean signed;

  private ByteDivision(float divisor, boolean signed) {
    this.divisor = divisor;
    this.signed = signed;
  }

  /** The division {@code table} is, or null when it is not one or the Vector API is not in use. */
  static ByteDivision of(float[] table) {
    if (!FloatKernels.vectorInUse()) {
      return null;
    }
    // The divisor is 1 / table[1], rounded to a whole number (255, 128, 1, ...); it counts only
    // if it reproduces every value of the table, read as unsigned or as signed bytes.
    if (table[1] == 0f || !Float.isFinite(table[1])) {
      return null;
    }
    float divisor = Math.round(1.0 / table[1]);
    if (divisor == 0f) {
      return null;
    }
    for (boolean signed : new boolean[] {false, true}) {
      if (matches(table, divisor, signed)) {
        return new ByteDivision(divisor, signed);
      }
    }
    return null;
  }

  private static boolean matches(float[] table, float divisor, boolean signed) {
    for (int v = 0; v < 256; v++) {
      float value = (signed ? (byte) v : v) / divisor;
      if (Float.floatToRawIntBits(value) != Float.floatToRawIntBits(table[v])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Converts {@code values[from ..+ count]} into {@code into[offset ..]} for the values whole
   * vectors cover; returns how many.
   */
  int convert(byte[] values, int from, int count, float[] into, int offset) {
    return FloatKernels.current().divideBytes(values, from, count, into, offset, divisor, signed);
  }
}
