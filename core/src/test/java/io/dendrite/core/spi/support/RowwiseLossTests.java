package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

class RowwiseLossTests {
  /** Sum of squared errors per row; gradient 2 (o - t). */
  static class SquaredError extends RowwiseLoss {
    SquaredError() {}

    SquaredError(Reduction reduction) {
      super(reduction);
    }

    @Override
    protected double row(double[] output, double[] target, double[] grad, int n) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double d = output[i] - target[i];
        sum += d * d;
        if (grad != null) {
          grad[i] = 2 * d;
        }
      }
      return sum;
    }
  }

  /** The same loss as a mean over every value, as PyTorch's MSELoss. */
  static final class ElementwiseMean extends SquaredError {
    ElementwiseMean(Reduction reduction) {
      super(reduction);
    }

    @Override
    protected double meanDivisor(int rows, int cols) {
      return rows * cols;
    }
  }

  private static final Matrix OUT = Matrix.wrap(2, 2, new double[] {1, 2, 3, 4});
  private static final Matrix TARGET = Matrix.wrap(2, 2, new double[] {0, 0, 3, 6});

  @Test
  void meanDividesLossAndGradientByTheRowCount() {
    SquaredError loss = new SquaredError();
    assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
    Matrix grad = Matrix.doubles(2, 2);
    assertThat(loss.evaluate(OUT, TARGET, grad)).isEqualTo(4.5);
    assertThat(grad.doubles()).containsExactly(1, 2, 0, -2);
    assertThat(loss.evaluate(OUT, TARGET, null)).isEqualTo(4.5);
  }

  @Test
  void sumDividesByNothing() {
    SquaredError loss = new SquaredError(Reduction.SUM);
    assertThat(loss.reduction()).isEqualTo(Reduction.SUM);
    Matrix grad = Matrix.floats(2, 2);
    assertThat(loss.evaluate(OUT.toFloats(), TARGET.toFloats(), grad)).isEqualTo(9);
    assertThat(grad.floats()).containsExactly(2f, 4f, 0f, -4f);
    assertThat(new ElementwiseMean(Reduction.SUM).evaluate(OUT, TARGET, null)).isEqualTo(9);
  }

  @Test
  void anElementwiseMeanDividesByEveryValue() {
    ElementwiseMean loss = new ElementwiseMean(Reduction.MEAN);
    Matrix grad = Matrix.doubles(2, 2);
    assertThat(loss.evaluate(OUT, TARGET, grad)).isEqualTo(2.25);
    assertThat(grad.doubles()).containsExactly(0.5, 1, 0, -1);
  }

  @Test
  void widerRowsAfterNarrowerOnesAndNoRows() {
    SquaredError loss = new SquaredError(Reduction.SUM);
    assertThat(loss.evaluate(Matrix.floats(1, 1).fill(3), Matrix.floats(1, 1), null)).isEqualTo(9);
    Matrix grad = Matrix.doubles(2, 2);
    assertThat(loss.evaluate(OUT, TARGET, grad)).isEqualTo(9);
    assertThat(grad.doubles()).containsExactly(2, 4, 0, -4);
    assertThat(new SquaredError().evaluate(Matrix.floats(0, 3), Matrix.floats(0, 3), null))
        .isZero();
  }

  @Test
  void shapesMustMatch() {
    assertThatThrownBy(
            () -> new SquaredError().evaluate(Matrix.floats(2, 3), Matrix.floats(2, 2), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 2x2 does not match 2x3");
  }
}
