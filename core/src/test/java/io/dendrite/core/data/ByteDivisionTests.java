package io.dendrite.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.FloatKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A byte table that is a division is converted with vector divisions: the bits must be the table's
 * for every byte value, at every position of a row (whole vectors and the tail).
 */
class ByteDivisionTests {
  private static float[] divided(float divisor, boolean signed) {
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = (signed ? (byte) v : v) / divisor;
    }
    return table;
  }

  /** Rows of {@code cols} bytes that together hold every byte value at many row positions. */
  private static byte[] everyValue(int rows, int cols) {
    byte[] values = new byte[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (i * 7 + i / 256);
    }
    return values;
  }

  private static void assertReadsAsTheTable(float[] table, int cols) {
    int rows = 3 + 512 / Math.max(1, cols);
    byte[] values = everyValue(rows, cols);
    Features features = Features.ofBytes(rows, cols, values, table);
    float[] into = new float[cols + 3];
    for (int r = 0; r < rows; r++) {
      into[0] = -7f;
      features.copyRow(r, into, 1);
      assertThat(into[0]).isEqualTo(-7f);
      for (int j = 0; j < cols; j++) {
        float expected = table[values[r * cols + j] & 0xff];
        assertThat(Float.floatToRawIntBits(into[1 + j]))
            .as("row %d column %d", r, j)
            .isEqualTo(Float.floatToRawIntBits(expected));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 31, 784})
  void rowsOfEveryLengthHaveTheTablesBits(int cols) {
    assertReadsAsTheTable(divided(255f, false), cols);
    assertReadsAsTheTable(divided(128f, true), cols);
    assertReadsAsTheTable(divided(1f, false), cols);
    assertReadsAsTheTable(divided(3f, false), cols);
  }

  @Test
  void theUsualNormalizationsAreFoundAsDivisions() {
    assertThat(ByteDivision.of(divided(255f, false)) != null).isEqualTo(FloatKernels.vectorInUse());
    assertThat(ByteDivision.of(divided(128f, true)) != null).isEqualTo(FloatKernels.vectorInUse());
    // The halves of FeaturesTests: a divisor found from the table itself.
    assertThat(ByteDivision.of(divided(2f, false)) != null).isEqualTo(FloatKernels.vectorInUse());
    if (FloatKernels.vectorInUse()) {
      ByteDivision division = ByteDivision.of(divided(128f, true));
      assertThat(division.divisor).isEqualTo(128f);
      assertThat(division.signed).isTrue();
    }
  }

  @Test
  void aTableThatIsNotADivisionIsReadThroughLookups() {
    float[] squares = new float[256];
    for (int v = 0; v < 256; v++) {
      squares[v] = v * v;
    }
    assertThat(ByteDivision.of(squares)).isNull();
    assertReadsAsTheTable(squares, 784);

    // One value off by a bit is enough to refuse the division.
    float[] almost = divided(255f, false);
    almost[200] = Math.nextUp(almost[200]);
    assertThat(ByteDivision.of(almost)).isNull();
    assertReadsAsTheTable(almost, 31);
  }
}
