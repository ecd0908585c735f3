package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every activation plugin must do. Extend it and implement {@link #plugin()}.
 *
 * <ul>
 *   <li>{@code backward} <b>must</b> agree with finite differences of {@code forward} in double
 *       precision, away from the points listed by {@link #kinks()}.
 *   <li>The float32 path <b>must</b> agree with the float64 path within float tolerance.
 *   <li>Forward and backward <b>must</b> give finite values for inputs of ±1000 and 0.
 *   <li>Forward and backward <b>must not</b> modify their inputs, and backward <b>must</b> give the
 *       same result when {@code gradZ} is {@code gradA}.
 *   <li>Both <b>must</b> touch only the rows in use ({@link Matrix#setRows}), so that a last,
 *       partial mini-batch works in buffers sized for full ones.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class ActivationContract extends PluginContract<Activation> {
  /** How far float32 results may be from float64 ones, relative to {@code max(1, |value|)}. */
  protected static final double FLOAT_TOLERANCE = 1e-5;

  private static final double KINK_DISTANCE = 1e-3;

  @Override
  protected PluginKind kind() {
    return PluginKind.ACTIVATION;
  }

  /**
   * Inputs where the activation is not differentiable, such as 0 for relu; the gradient check keeps
   * its random inputs at least {@code 1e-3} away from each. Defaults to {@code [0]}.
   */
  protected List<Double> kinks() {
    return List.of(0.0);
  }

  /** Shapes (rows, columns) the checks run on; include width 1 and a wide row. */
  protected List<int[]> shapes() {
    return List.of(new int[] {1, 1}, new int[] {3, 5}, new int[] {8, 10}, new int[] {2, 33});
  }

  /** Standard-normal values times 3, each redrawn while it is within {@code 1e-3} of a kink. */
  protected Matrix randomInput(int rows, int cols, Rng rng, boolean doubles) {
    Matrix z = doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
    for (int i = 0; i < z.size(); i++) {
      double v;
      do {
        v = 3 * rng.nextGaussian();
      } while (nearKink(doubles ? v : (float) v));
      z.set(i, v);
    }
    return z;
  }

  private boolean nearKink(double v) {
    for (double k : kinks()) {
      if (Math.abs(v - k) <= KINK_DISTANCE) {
        return true;
      }
    }
    return false;
  }

  @Test
  void backwardAgreesWithFiniteDifferences() {
    Rng rng = new Rng(1);
    for (int[] shape : shapes()) {
      Matrix z = randomInput(shape[0], shape[1], rng, true);
      GradientCheck.Result result = GradientCheck.ofActivation(newInstance(), z, rng);
      assertThat(result.passes())
          .as("gradient check of %s on %dx%d input: %s", plugin().id(), shape[0], shape[1], result)
          .isTrue();
    }
  }

  @Test
  void float32AgreesWithFloat64() {
    Rng rng = new Rng(2);
    for (int[] shape : shapes()) {
      Matrix z32 = randomInput(shape[0], shape[1], rng, false);
      Matrix g32 = GradientCheck.random(shape[0], shape[1], rng).toFloats();
      Matrix z64 = z32.toDoubles();
      Matrix g64 = g32.toDoubles();

      Matrix[] out32 = run(newInstance(), z32, g32);
      Matrix[] out64 = run(newInstance(), z64, g64);
      assertClose(out32[0], out64[0], "forward on %dx%d".formatted(shape[0], shape[1]));
      assertClose(out32[1], out64[1], "backward on %dx%d".formatted(shape[0], shape[1]));
    }
  }

  @Test
  void extremeInputsGiveFiniteValues() {
    double[] row = {-1000, -100, -1, 0, 1, 100, 1000};
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix z = doubles ? Matrix.doubles(3, row.length) : Matrix.floats(3, row.length);
      for (int c = 0; c < row.length; c++) {
        z.set(0, c, row[c]);
        z.set(1, c, row[c] < 0 ? -1000 : 1000);
        z.set(2, c, 0);
      }
      Matrix gradA = z.like(z.rows(), z.cols()).fill(1);
      Matrix[] out = run(newInstance(), z, gradA);
      String precision = doubles ? "float64" : "float32";
      assertThat(out[0].allFinite())
          .as("forward at ±1000 and 0 (%s) is finite", precision)
          .isTrue();
      assertThat(out[1].allFinite())
          .as("backward at ±1000 and 0 (%s) is finite", precision)
          .isTrue();
    }
  }

  @Test
  void forwardAndBackwardLeaveTheirInputsUnchanged() {
    Rng rng = new Rng(3);
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix z = randomInput(4, 6, rng, doubles);
      Matrix zBefore = z.copy();
      Activation activation = newInstance();
      Matrix a = z.like(4, 6);
      activation.forward(z, a);
      assertIdentical(z, zBefore, "forward changed z");

      Matrix aBefore = a.copy();
      Matrix gradA =
          doubles ? GradientCheck.random(4, 6, rng) : GradientCheck.random(4, 6, rng).toFloats();
      Matrix gradABefore = gradA.copy();
      activation.backward(z, a, gradA, z.like(4, 6));
      assertIdentical(z, zBefore, "backward changed z");
      assertIdentical(a, aBefore, "backward changed a");
      assertIdentical(gradA, gradABefore, "backward changed gradA");
    }
  }

  @Test
  void backwardInPlaceEqualsBackwardIntoAnotherMatrix() {
    Rng rng = new Rng(4);
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix z = randomInput(5, 7, rng, doubles);
      Matrix gradA =
          doubles ? GradientCheck.random(5, 7, rng) : GradientCheck.random(5, 7, rng).toFloats();
      Activation activation = newInstance();
      Matrix a = z.like(5, 7);
      activation.forward(z, a);
      Matrix separate = z.like(5, 7);
      activation.backward(z, a, gradA, separate);
      Matrix inPlace = gradA.copy();
      activation.backward(z, a, inPlace, inPlace);
      assertIdentical(inPlace, separate, "backward with gradZ == gradA");
    }
  }

  @Test
  void touchesOnlyTheRowsInUse() {
    Rng rng = new Rng(5);
    for (boolean doubles : new boolean[] {true, false}) {
      int capacity = 6;
      int used = 4;
      Matrix z = randomInput(capacity, 5, rng, doubles);
      Matrix full = z.like(capacity, 5);
      newInstance().forward(z, full);

      Matrix a = z.like(capacity, 5).fill(-7);
      Matrix gradA = z.like(capacity, 5).fill(1);
      Matrix gradZ = z.like(capacity, 5).fill(-7);
      z.setRows(used);
      a.setRows(used);
      gradA.setRows(used);
      gradZ.setRows(used);
      Activation activation = newInstance();
      activation.forward(z, a);
      activation.backward(z, a, gradA, gradZ);
      a.setRows(capacity);
      gradZ.setRows(capacity);
      for (int i = used * 5; i < capacity * 5; i++) {
        assertThat(a.get(i)).as("forward wrote a[%d], beyond the rows in use", i).isEqualTo(-7.0);
        assertThat(gradZ.get(i))
            .as("backward wrote gradZ[%d], beyond the rows in use", i)
            .isEqualTo(-7.0);
      }
      for (int i = 0; i < used * 5; i++) {
        assertThat(a.get(i)).as("forward on the rows in use, a[%d]", i).isEqualTo(full.get(i));
      }
    }
  }

  /** Forward then backward on fresh buffers: {@code {a, gradZ}}. */
  private static Matrix[] run(Activation activation, Matrix z, Matrix gradA) {
    Matrix a = z.like(z.rows(), z.cols());
    activation.forward(z, a);
    Matrix gradZ = z.like(z.rows(), z.cols());
    activation.backward(z, a, gradA, gradZ);
    return new Matrix[] {a, gradZ};
  }

  private void assertClose(Matrix actual32, Matrix expected64, String what) {
    for (int i = 0; i < expected64.size(); i++) {
      double expected = expected64.get(i);
      double error = Math.abs(actual32.get(i) - expected) / Math.max(1.0, Math.abs(expected));
      assertThat(error)
          .as(
              "%s of %s: float32 %s vs float64 %s at [%d]",
              what, plugin().id(), actual32.get(i), expected, i)
          .isLessThanOrEqualTo(FLOAT_TOLERANCE);
    }
  }

  private static void assertIdentical(Matrix actual, Matrix expected, String what) {
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("%s at [%d]", what, i).isEqualTo(expected.get(i));
    }
  }
}
