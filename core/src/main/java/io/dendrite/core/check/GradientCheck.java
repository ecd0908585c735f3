package io.dendrite.core.check;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares analytic gradients with central finite differences, in double precision.
 *
 * <p>For an operation {@code y = f(x)} it checks {@code backward} through the scalar {@code L =
 * sum(g * f(x))} for a random fixed {@code g}, whose gradient with respect to {@code x} is exactly
 * what {@code backward(g)} must return. Inputs must be float64 matrices (see {@link
 * Matrix#doubles}); the float32 path is checked separately against the float64 one.
 */
public final class GradientCheck {
  /** Finite-difference step: small enough for accuracy, large enough against rounding. */
  public static final double STEP = 1e-6;

  /** The largest error accepted by {@link Result#passes()}. */
  public static final double TOLERANCE = 1e-6;

  private GradientCheck() {}

  /**
   * The worst disagreement found.
   *
   * @param maxError largest {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}
   * @param where which value it was at, e.g. {@code input[3]} or {@code layers.0.weight[12]}
   * @param analytic the gradient from backward at that place
   * @param numeric the finite-difference gradient at that place
   */
  public record Result(double maxError, String where, double analytic, double numeric) {
    public boolean passes() {
      return maxError <= TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(
          "max error %.3g at %s (analytic %.9g, numeric %.9g)", maxError, where, analytic, numeric);
    }
  }

  /** Checks {@code activation.backward} at the float64 input {@code z}. */
  public static Result ofActivation(Activation activation, Matrix z, Rng rng) {
    requireDouble(z);
    Matrix g = random(z.rows(), z.cols(), rng);
    Matrix a = z.like(z.rows(), z.cols());
    activation.forward(z, a);
    Matrix gradZ = z.like(z.rows(), z.cols());
    activation.backward(z, a, g, gradZ);
    Matrix probe = z.like(z.rows(), z.cols());
    return compare(
        "input",
        z,
        gradZ,
        () -> {
          activation.forward(z, probe);
          return dot(g, probe);
        },
        new Worst());
  }

  /** Checks the gradient {@code loss.evaluate} writes, at the float64 {@code output}. */
  public static Result ofLoss(Loss loss, Matrix output, Matrix targets) {
    requireDouble(output);
    Matrix grad = output.like(output.rows(), output.cols());
    loss.evaluate(output, targets, grad);
    return compare("output", output, grad, () -> loss.evaluate(output, targets, null), new Worst());
  }

  /**
   * Checks an initialized float64 layer: the input gradient {@code backward} returns and the
   * gradient of every parameter. The layer runs in inference mode ({@code training} false) so that
   * randomness such as dropout does not change between evaluations.
   */
  public static Result ofLayer(Layer layer, Matrix input, Rng rng) {
    requireDouble(input);
    Matrix out = layer.forward(input, false);
    Matrix g = random(out.rows(), out.cols(), rng);
    Matrix gradInput = layer.backward(g).copy();
    List<Matrix> paramGrads = new ArrayList<>();
    for (Parameter p : layer.parameters()) {
      paramGrads.add(p.gradient().copy());
    }
    Scalar objective = () -> dot(g, layer.forward(input, false));
    Worst worst = new Worst();
    compare("input", input, gradInput, objective, worst);
    List<Parameter> params = layer.parameters();
    for (int i = 0; i < params.size(); i++) {
      compare(params.get(i).name(), params.get(i).value(), paramGrads.get(i), objective, worst);
    }
    return worst.result();
  }

  @FunctionalInterface
  private interface Scalar {
    double value();
  }

  private static final class Worst {
    double error = 0;
    String where = "nothing";
    double analytic;
    double numeric;

    Result result() {
      return new Result(error, where, analytic, numeric);
    }
  }

  private static Result compare(
      String name, Matrix x, Matrix analytic, Scalar objective, Worst worst) {
    for (int i = 0; i < x.size(); i++) {
      double saved = x.get(i);
      x.set(i, saved + STEP);
      double plus = objective.value();
      x.set(i, saved - STEP);
      double minus = objective.value();
      x.set(i, saved);
      double numeric = (plus - minus) / (2 * STEP);
      double a = analytic.get(i);
      double error =
          Math.abs(a - numeric) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
      if (!(error <= worst.error)) { // NaN counts as the worst
        worst.error = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
        worst.where = name + "[" + i + "]";
        worst.analytic = a;
        worst.numeric = numeric;
      }
    }
    return worst.result();
  }

  /** A float64 matrix of standard normal values. */
  public static Matrix random(int rows, int cols, Rng rng) {
    Matrix m = Matrix.doubles(rows, cols);
    for (int i = 0; i < m.size(); i++) {
      m.set(i, rng.nextGaussian());
    }
    return m;
  }

  private static double dot(Matrix a, Matrix b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.get(i) * b.get(i);
    }
    return s;
  }

  private static void requireDouble(Matrix m) {
    if (!m.isDouble()) {
      throw new IllegalArgumentException("gradient checks run in float64: use Matrix.doubles");
    }
  }
}
