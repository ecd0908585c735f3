package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every kernel gives the same small whole numbers whatever mix of float32 and float64 its matrices
 * are in, and refuses every shape that does not fit, naming the shapes.
 */
class KernelsPrecisionTests {
  private static final Kernels KERNELS = Kernels.singleThreaded();

  /** The matrix {@code rows}×{@code cols} of {@code values}, in float64 when {@code wide}. */
  private static Matrix m(boolean wide, int rows, int cols, double... values) {
    Matrix out = wide ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    for (int i = 0; i < values.length; i++) {
      out.set(i, values[i]);
    }
    return out;
  }

  private static double[] values(Matrix x) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.get(i);
    }
    return out;
  }

  /** Every combination of precisions of three matrices: 8 of them, one all float32. */
  private static List<boolean[]> mixes() {
    List<boolean[]> out = new java.util.ArrayList<>();
    for (int bits = 0; bits < 8; bits++) {
      out.add(new boolean[] {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0});
    }
    return out;
  }

  @Test
  void theProductsGiveTheSameNumbersInEveryMixOfPrecisions() {
    for (boolean[] w : mixes()) {
      String mix = java.util.Arrays.toString(w);
      Matrix c = m(w[2], 2, 2);
      KERNELS.multiply(m(w[0], 2, 3, 1, 2, 3, 4, 5, 6), m(w[1], 3, 2, 1, 0, 0, 1, 1, -1), c);
      assertThat(values(c)).as("a·b %s", mix).containsExactly(4, -1, 10, -1);

      c = m(w[2], 2, 2);
      KERNELS.multiplyTransposedB(
          m(w[0], 2, 3, 1, 2, 3, 4, 5, 6), m(w[1], 2, 3, 1, 0, -1, 2, 1, 0), c);
      assertThat(values(c)).as("a·bᵀ %s", mix).containsExactly(-2, 4, -2, 13);

      c = m(w[2], 3, 2);
      KERNELS.multiplyTransposedA(m(w[0], 2, 3, 1, 2, 3, 4, 5, 6), m(w[1], 2, 2, 1, 0, 0, 1), c);
      assertThat(values(c)).as("aᵀ·b %s", mix).containsExactly(1, 4, 2, 5, 3, 6);

      for (boolean wideRow : new boolean[] {false, true}) {
        c = m(w[2], 2, 2);
        KERNELS.multiplyTransposedBAddRow(
            m(w[0], 2, 3, 1, 2, 3, 4, 5, 6),
            m(w[1], 2, 3, 1, 0, -1, 2, 1, 0),
            m(wideRow, 1, 2, 10, 20),
            c);
        assertThat(values(c))
            .as("a·bᵀ + row %s, row wide %s", mix, wideRow)
            .containsExactly(8, 24, 8, 33);
      }
    }
  }

  @Test
  void rowsAreAddedAndSummedInEveryMixOfPrecisions() {
    for (boolean wideC : new boolean[] {false, true}) {
      for (boolean wideRow : new boolean[] {false, true}) {
        Matrix c = m(wideC, 3, 2, 1, 2, 3, 4, 5, 6);
        KERNELS.addRowVector(c, m(wideRow, 1, 2, 10, -1));
        assertThat(values(c))
            .as("c %s, row %s", wideC, wideRow)
            .containsExactly(11, 1, 13, 3, 15, 5);
        Matrix sums = m(wideRow, 1, 2, 99, 99);
        KERNELS.sumRows(c, sums);
        assertThat(values(sums)).as("sums of c %s into %s", wideC, wideRow).containsExactly(39, 9);
      }
    }
  }

  private static void refused(Runnable op, String shapes) {
    assertThatThrownBy(op::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shapes do not fit ")
        .hasMessageContaining(shapes);
  }

  @Test
  void everyShapeThatDoesNotFitIsRefused() {
    BiFunction<Integer, Integer, Matrix> f = Matrix::floats;
    refused(() -> KERNELS.multiply(f.apply(2, 3), f.apply(4, 2), f.apply(2, 2)), "a·b: 2x3, 4x2");
    refused(() -> KERNELS.multiply(f.apply(2, 3), f.apply(3, 2), f.apply(3, 2)), "2x3, 3x2 -> 3x2");
    refused(() -> KERNELS.multiply(f.apply(2, 3), f.apply(3, 2), f.apply(2, 3)), "2x3, 3x2 -> 2x3");
    refused(() -> KERNELS.multiplyTransposedB(f.apply(2, 3), f.apply(2, 4), f.apply(2, 2)), "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedB(f.apply(2, 3), f.apply(2, 3), f.apply(3, 2)), "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedB(f.apply(2, 3), f.apply(2, 3), f.apply(2, 3)), "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedA(f.apply(2, 3), f.apply(3, 2), f.apply(3, 2)), "aᵀ·b");
    refused(() -> KERNELS.multiplyTransposedA(f.apply(2, 3), f.apply(2, 2), f.apply(2, 2)), "aᵀ·b");
    refused(() -> KERNELS.multiplyTransposedA(f.apply(2, 3), f.apply(2, 2), f.apply(3, 3)), "aᵀ·b");
    Matrix a = f.apply(2, 3);
    Matrix b = f.apply(2, 3);
    refused(
        () -> KERNELS.multiplyTransposedBAddRow(a, f.apply(2, 4), f.apply(1, 2), f.apply(2, 2)),
        "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedBAddRow(a, b, f.apply(1, 2), f.apply(3, 2)), "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedBAddRow(a, b, f.apply(1, 2), f.apply(2, 3)), "a·bᵀ");
    refused(() -> KERNELS.multiplyTransposedBAddRow(a, b, f.apply(2, 2), f.apply(2, 2)), "c + row");
    refused(() -> KERNELS.multiplyTransposedBAddRow(a, b, f.apply(1, 3), f.apply(2, 2)), "c + row");
    refused(() -> KERNELS.addRowVector(f.apply(2, 2), f.apply(2, 2)), "c + row: 2x2, 2x2");
    refused(() -> KERNELS.addRowVector(f.apply(2, 2), f.apply(1, 3)), "c + row: 2x2, 1x3");
    refused(() -> KERNELS.sumRows(f.apply(2, 2), f.apply(2, 2)), "column sums: 2x2, 2x2");
    refused(() -> KERNELS.sumRows(f.apply(2, 2), f.apply(1, 3)), "column sums: 2x2, 1x3");
  }
}
