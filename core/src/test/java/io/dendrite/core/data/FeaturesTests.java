package io.dendrite.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTests {
  /** A table that maps byte b to b / 2, so that the unsigned reading of 200 shows as 100. */
  private static float[] halves() {
    float[] table = new float[256];
    for (int b = 0; b < 256; b++) {
      table[b] = b / 2f;
    }
    return table;
  }

  private static Features bytes() {
    // 3 rows of 2: (0, 2), (4, 200), (254, 255)
    byte[] values = {0, 2, 4, (byte) 200, (byte) 254, (byte) 255};
    return Features.ofBytes(3, 2, values, halves());
  }

  @Test
  void byteFeaturesReadUnsignedBytesThroughTheTable() {
    Features f = bytes();
    assertThat(f.rows()).isEqualTo(3);
    assertThat(f.cols()).isEqualTo(2);
    assertThat(f.bytes()).isEqualTo(6);
    assertThat(f.toMatrix().floats()).containsExactly(0f, 1f, 2f, 100f, 127f, 127.5f);
  }

  @Test
  void aRowIsWrittenAtTheOffsetAndNothingElseIsTouched() {
    float[] into = {-1, -1, -1, -1, -1};
    bytes().copyRow(1, into, 2);
    assertThat(into).containsExactly(-1f, -1f, 2f, 100f, -1f);
  }

  @Test
  void byteFeaturesKeepTheirOwnCopyOfTheTable() {
    float[] table = halves();
    Features f = Features.ofBytes(1, 1, new byte[] {10}, table);
    table[10] = 99;
    assertThat(f.toMatrix().floats()).containsExactly(5f);
  }

  @Test
  void selectedByteRowsComeInTheGivenOrderStillAsBytes() {
    Features s = bytes().select(new int[] {2, 0, 2});
    assertThat(s.rows()).isEqualTo(3);
    assertThat(s.cols()).isEqualTo(2);
    assertThat(s.bytes()).isEqualTo(6);
    assertThat(s.toMatrix().floats()).containsExactly(127f, 127.5f, 0f, 1f, 127f, 127.5f);
    assertThat(bytes().select(new int[0]).rows()).isZero();
  }

  @Test
  void byteFeaturesAreRefusedWhenTheBytesAreTooFewOrTheTableIsNot256() {
    assertThatThrownBy(() -> Features.ofBytes(2, 3, new byte[5], halves()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 bytes cannot hold 2 rows of 3 values");
    assertThat(Features.ofBytes(2, 3, new byte[6], halves()).rows()).isEqualTo(2);
    assertThatThrownBy(() -> Features.ofBytes(1, 1, new byte[1], new float[255]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a byte table has 256 values, not 255");
    assertThatThrownBy(() -> Features.ofBytes(1, 1, new byte[1], new float[257]))
        .hasMessage("a byte table has 256 values, not 257");
  }

  @Test
  void rowsTimesColumnsIsCountedInLongs() {
    // 65536 * 65536 overflows an int to 0, which would fit in any array.
    assertThatThrownBy(() -> Features.ofBytes(65536, 65536, new byte[1], halves()))
        .hasMessage("1 bytes cannot hold 65536 rows of 65536 values");
  }

  @Test
  void floatFeaturesCopyRowsAndCountFourBytesEach() {
    Features f = Features.of(Matrix.wrap(3, 2, new float[] {1, 2, 3, 4, 5, 6}));
    assertThat(f.rows()).isEqualTo(3);
    assertThat(f.cols()).isEqualTo(2);
    assertThat(f.bytes()).isEqualTo(24);
    float[] into = new float[4];
    f.copyRow(2, into, 1);
    assertThat(into).containsExactly(0f, 5f, 6f, 0f);
    Features s = f.select(new int[] {1, 1, 0});
    assertThat(s.rows()).isEqualTo(3);
    assertThat(s.toMatrix().floats()).containsExactly(3f, 4f, 3f, 4f, 1f, 2f);
  }

  @Test
  void floatFeaturesRefuseDoubles() {
    assertThatThrownBy(() -> Features.of(Matrix.doubles(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features are float32");
  }

  @Test
  void mappedColumnsAreScaledThenShiftedAsRowsAreRead() {
    Features f = Features.of(Matrix.wrap(2, 2, new float[] {1, 2, 3, 4}));
    Features m = f.mapColumns(new float[] {2, 10}, new float[] {1, -5});
    assertThat(m.rows()).isEqualTo(2);
    assertThat(m.cols()).isEqualTo(2);
    assertThat(m.toMatrix().floats()).containsExactly(3f, 15f, 7f, 35f);
    float[] into = {9, 9, 9, 9};
    m.copyRow(1, into, 1);
    assertThat(into).containsExactly(9f, 7f, 35f, 9f);
    // the source's 16 bytes and a scale and a shift per column
    assertThat(m.bytes()).isEqualTo(16 + 16);
  }

  @Test
  void aMappingKeepsItsOwnCopiesAndSurvivesSelection() {
    float[] scale = {2, 10};
    float[] shift = {1, -5};
    Features m = bytes().mapColumns(scale, shift);
    scale[0] = 0;
    shift[1] = 0;
    Features s = m.select(new int[] {1});
    assertThat(s.rows()).isEqualTo(1);
    assertThat(s.toMatrix().floats()).containsExactly(5f, 995f);
    assertThat(s.bytes()).isEqualTo(2 + 16);
  }

  @Test
  void aMappingNeedsAScaleAndAShiftPerColumn() {
    Features f = Features.of(Matrix.floats(1, 2));
    assertThatThrownBy(() -> f.mapColumns(new float[1], new float[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a mapping of 2 columns needs as many scales and shifts, not 1 and 2");
    assertThatThrownBy(() -> f.mapColumns(new float[2], new float[3]))
        .hasMessage("a mapping of 2 columns needs as many scales and shifts, not 2 and 3");
  }

  @Test
  void examplesSelectRowsOfFeaturesAndTargetsTogether() {
    Examples e =
        Examples.classification(
            Matrix.wrap(3, 1, new float[] {10, 20, 30}),
            new int[] {0, 1, 1},
            List.of("a", "b"),
            "s");
    Examples s = e.select(new int[] {2, 0});
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.features().toMatrix().floats()).containsExactly(30f, 10f);
    assertThat(s.targets().floats()).containsExactly(0f, 1f, 1f, 0f);
    assertThat(s.classNames()).containsExactly("a", "b");
    assertThat(s.source()).isEqualTo("s");
    Examples w = e.withFeatures(Features.of(Matrix.wrap(3, 1, new float[] {7, 8, 9})));
    assertThat(w.features().toMatrix().floats()).containsExactly(7f, 8f, 9f);
    assertThat(w.targets()).isSameAs(e.targets());
    assertThat(w.label(1)).isEqualTo(1);
  }

  @Test
  void examplesRefuseMismatchedRowsAndClassNames() {
    assertThatThrownBy(() -> new Examples(Matrix.floats(3, 1), Matrix.floats(2, 1), List.of(), "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s: 3 feature rows but 2 target rows");
    assertThatThrownBy(
            () -> new Examples(Matrix.floats(2, 1), Matrix.floats(2, 3), List.of("a", "b"), "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s: 2 class names for 3 targets");
  }
}
