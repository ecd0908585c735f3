package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTests {
  @Test
  void allFiniteFindsNaNAndBothInfinitiesInFloatsAndDoubles() {
    for (Matrix m : new Matrix[] {Matrix.floats(3, 2), Matrix.doubles(3, 2)}) {
      m.fill(1.5);
      assertThat(m.allFinite()).as("%s of 1.5", m).isTrue();
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e300 * 1e300}) {
        for (int at : new int[] {0, 5}) {
          m.fill(-2);
          m.set(at, bad);
          assertThat(m.allFinite()).as("%s with %s at %d", m, bad, at).isFalse();
        }
      }
    }
    assertThat(Matrix.floats(0, 4).allFinite()).isTrue();
    assertThat(Matrix.doubles(0, 4).allFinite()).isTrue();
  }

  @Test
  void allFiniteLooksOnlyAtTheRowsInUse() {
    for (Matrix m : new Matrix[] {Matrix.floats(3, 2), Matrix.doubles(3, 2)}) {
      m.set(2, 1, Double.NaN);
      m.setRows(2);
      assertThat(m.allFinite()).as("%s, the NaN in the unused third row", m).isTrue();
      m.setRows(3);
      assertThat(m.allFinite()).isFalse();
    }
  }

  @Test
  void copyFromCopiesTheValuesInUseBetweenAnyPrecisions() {
    Matrix[] kinds = {Matrix.floats(2, 3), Matrix.doubles(2, 3)};
    for (Matrix from : kinds) {
      for (int i = 0; i < from.size(); i++) {
        from.set(i, i + 0.5);
      }
      for (Matrix to : new Matrix[] {Matrix.floats(2, 3), Matrix.doubles(2, 3)}) {
        to.copyFrom(from);
        for (int i = 0; i < 6; i++) {
          assertThat(to.get(i)).as("%s from %s, value %d", to, from, i).isEqualTo(i + 0.5);
        }
      }
    }
    Matrix big = Matrix.doubles(4, 2).fill(7);
    big.setRows(1);
    Matrix small = Matrix.floats(1, 2).fill(3);
    big.copyFrom(small);
    big.setRows(4);
    assertThat(new double[] {big.get(0), big.get(1), big.get(2), big.get(7)})
        .as("only the rows in use are written")
        .containsExactly(3, 3, 7, 7);
  }

  @Test
  void copyFromRefusesAnotherShape() {
    assertThatThrownBy(() -> Matrix.floats(2, 3).copyFrom(Matrix.floats(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 3x2 does not match 2x3");
    assertThatThrownBy(() -> Matrix.doubles(2, 3).copyFrom(Matrix.doubles(2, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Matrix.doubles(2, 3).copyFrom(Matrix.floats(1, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setRowsTakesZeroToTheCapacity() {
    Matrix m = Matrix.floats(4, 2);
    assertThat(m.setRows(0).rows()).isZero();
    assertThat(m.setRows(4).rows()).isEqualTo(4);
    assertThat(m.size()).isEqualTo(8);
    assertThatThrownBy(() -> m.setRows(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows 5 outside capacity 4 of this matrix");
    assertThatThrownBy(() -> m.setRows(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(m.rows()).isEqualTo(4);
  }

  @Test
  void aShapeThatCannotBeHeldIsRefused() {
    assertThatThrownBy(() -> Matrix.floats(-1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot hold a -1x2 matrix");
    assertThatThrownBy(() -> Matrix.doubles(2, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Matrix.floats(65536, 65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot hold a 65536x65536 matrix");
    assertThat(Matrix.floats(0, 0).size()).isZero();
  }

  @Test
  void theCapacityIsTheRowsAllocatedWhateverRowsAreInUse() {
    Matrix m = Matrix.floats(4, 2);
    assertThat(m.capacityRows()).isEqualTo(4);
    m.setRows(1);
    assertThat(m.capacityRows()).isEqualTo(4);
    assertThat(m.copy().capacityRows()).isEqualTo(1);
  }

  @Test
  void toFloatsAndToDoublesConvertIntoNewMatrices() {
    Matrix d = Matrix.wrap(1, 2, new double[] {0.1, -2});
    Matrix f = d.toFloats();
    assertThat(f.isDouble()).isFalse();
    assertThat(f.floats()).containsExactly(0.1f, -2f);
    Matrix back = f.toDoubles();
    assertThat(back.isDouble()).isTrue();
    assertThat(back.doubles()).containsExactly((double) 0.1f, -2);
    f.set(0, 5);
    assertThat(d.get(0)).isEqualTo(0.1);
  }
}
