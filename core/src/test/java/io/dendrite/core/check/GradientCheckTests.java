package io.dendrite.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The gradient checker passes right gradients, and fails wrong ones saying where and by how much.
 */
class GradientCheckTests {
  private static final double[] Z = {0.5, -1.25, 2, 0.75, -0.5, 1.5};

  @Test
  void rightActivationGradientPasses() {
    Matrix z = Matrix.wrap(2, 3, Z.clone());
    GradientCheck.Result r = GradientCheck.ofActivation(square(x -> 2 * x), z, new Rng(7));
    assertThat(r.passes()).as("%s", r).isTrue();
    assertThat(r.maxError()).isLessThan(1e-8);
    assertThat(r.where()).startsWith("input[");
    assertThat(z.doubles()).as("the input, restored after probing").containsExactly(Z);
  }

  @Test
  void wrongActivationGradientFailsAtItsWorstValue() {
    // backward says d(z²)/dz = 2z + 0.1: off by 0.1 g, relative to the larger gradient above 1.
    Matrix z = Matrix.wrap(2, 3, Z.clone());
    GradientCheck.Result r = GradientCheck.ofActivation(square(x -> 2 * x + 0.1), z, new Rng(7));
    Matrix g = GradientCheck.random(2, 3, new Rng(7));
    int worst = 0;
    double worstError = -1;
    for (int i = 0; i < Z.length; i++) {
      double a = g.get(i) * (2 * Z[i] + 0.1);
      double n = 2 * g.get(i) * Z[i];
      double e = Math.abs(a - n) / Math.max(1, Math.max(Math.abs(a), Math.abs(n)));
      if (e > worstError) {
        worstError = e;
        worst = i;
      }
    }
    assertThat(r.passes()).isFalse();
    assertThat(r.where()).isEqualTo("input[" + worst + "]");
    assertThat(r.analytic()).isEqualTo(g.get(worst) * (2 * Z[worst] + 0.1));
    assertThat(r.numeric()).isCloseTo(2 * g.get(worst) * Z[worst], within(1e-8));
    assertThat(r.maxError()).isCloseTo(worstError, within(1e-8));
    assertThat(z.doubles()).containsExactly(Z);
  }

  @Test
  void errorIsRelativeToTheLargerGradientAboveOne() {
    // f(z) = 1000 z with backward 1001 g: off by one part in 1001 wherever gradients exceed 1.
    Activation scaled =
        new Activation() {
          @Override
          public void forward(Matrix z, Matrix a) {
            for (int i = 0; i < z.size(); i++) {
              a.set(i, 1000 * z.get(i));
            }
          }

          @Override
          public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            for (int i = 0; i < z.size(); i++) {
              gradZ.set(i, 1001 * gradA.get(i));
            }
          }
        };
    GradientCheck.Result r =
        GradientCheck.ofActivation(scaled, Matrix.wrap(2, 3, Z.clone()), new Rng(3));
    assertThat(r.maxError()).isCloseTo(1.0 / 1001, within(1e-6));
    assertThat(r.passes()).isFalse();
  }

  @Test
  void nanGradientIsTheWorstError() {
    Matrix z = Matrix.wrap(1, 3, new double[] {1, 2, 3});
    GradientCheck.Result r =
        GradientCheck.ofActivation(square(x -> x == 2 ? Double.NaN : 2 * x), z, new Rng(1));
    assertThat(r.maxError()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.where()).isEqualTo("input[1]");
    assertThat(r.analytic()).isNaN();
    assertThat(r.passes()).isFalse();
  }

  @Test
  void rightLossGradientPassesAndWrongOneFailsAtTheOutput() {
    Matrix output = Matrix.wrap(2, 2, new double[] {0.5, -1, 2, 0.25});
    Matrix targets = Matrix.wrap(2, 2, new double[] {0.4, -1.1, 0, 0.2});
    GradientCheck.Result right = GradientCheck.ofLoss(halfSquares(1), output, targets);
    assertThat(right.passes()).as("%s", right).isTrue();
    assertThat(right.maxError()).isLessThan(1e-8);

    // Twice the gradient: off by |o - t|, relative above 1, so worst at output[2] where it is 2.
    GradientCheck.Result wrong = GradientCheck.ofLoss(halfSquares(2), output, targets);
    assertThat(wrong.passes()).isFalse();
    assertThat(wrong.where()).isEqualTo("output[2]");
    assertThat(wrong.analytic()).isEqualTo(4);
    assertThat(wrong.numeric()).isCloseTo(2, within(1e-6));
    assertThat(wrong.maxError()).isCloseTo(0.5, within(1e-6));
    assertThat(output.doubles()).containsExactly(0.5, -1, 2, 0.25);
  }

  @Test
  void layerCheckCoversTheInputAndEveryParameterInInferenceMode() {
    Matrix input = Matrix.wrap(2, 2, new double[] {1, -2, 0.5, 3});
    ScaleLayer right = new ScaleLayer(1, 1);
    GradientCheck.Result r = GradientCheck.ofLayer(right, input, new Rng(5));
    assertThat(r.passes()).as("%s", r).isTrue();
    assertThat(right.trainingSeen).as("forward ran with training = true").isFalse();
    assertThat(input.doubles()).containsExactly(1, -2, 0.5, 3);
    assertThat(right.scale.value().get(0)).as("the parameter, restored").isEqualTo(1.5);

    GradientCheck.Result badInput = GradientCheck.ofLayer(new ScaleLayer(2, 1), input, new Rng(5));
    assertThat(badInput.passes()).isFalse();
    assertThat(badInput.where()).startsWith("input[");

    GradientCheck.Result badScale = GradientCheck.ofLayer(new ScaleLayer(1, 3), input, new Rng(5));
    assertThat(badScale.passes()).isFalse();
    assertThat(badScale.where()).isEqualTo("scale[0]");
  }

  @Test
  void floatInputsAreRefused() {
    assertThatThrownBy(
            () -> GradientCheck.ofActivation(square(x -> 2 * x), Matrix.floats(1, 2), new Rng(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gradient checks run in float64: use Matrix.doubles");
    assertThatThrownBy(
            () -> GradientCheck.ofLoss(halfSquares(1), Matrix.floats(1, 2), Matrix.floats(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GradientCheck.ofLayer(new ScaleLayer(1, 1), Matrix.floats(1, 1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultPassesUpToTheToleranceInclusive() {
    assertThat(new GradientCheck.Result(GradientCheck.TOLERANCE, "x", 0, 0).passes()).isTrue();
    assertThat(new GradientCheck.Result(Math.nextUp(GradientCheck.TOLERANCE), "x", 0, 0).passes())
        .isFalse();
    assertThat(new GradientCheck.Result(0.00123456, "input[3]", 1.5, 2.25))
        .hasToString("max error 0.00123 at input[3] (analytic 1.50000000, numeric 2.25000000)");
  }

  @Test
  void randomIsAFloat64MatrixOfTheRngsNormalValues() {
    Matrix m = GradientCheck.random(2, 3, new Rng(11));
    Rng same = new Rng(11);
    assertThat(m.isDouble()).isTrue();
    assertThat(m.rows()).isEqualTo(2);
    assertThat(m.cols()).isEqualTo(3);
    for (int i = 0; i < 6; i++) {
      assertThat(m.get(i)).isEqualTo(same.nextGaussian());
    }
  }

  /** f(z) = z², with {@code derivative} as what backward claims f' is. */
  private static Activation square(DoubleUnaryOperator derivative) {
    return new Activation() {
      @Override
      public void forward(Matrix z, Matrix a) {
        for (int i = 0; i < z.size(); i++) {
          a.set(i, z.get(i) * z.get(i));
        }
      }

      @Override
      public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        for (int i = 0; i < z.size(); i++) {
          gradZ.set(i, gradA.get(i) * derivative.applyAsDouble(z.get(i)));
        }
      }
    };
  }

  /** L = ½ Σ (o - t)², its gradient multiplied by {@code factor}. */
  private static Loss halfSquares(double factor) {
    return (output, targets, grad) -> {
      double sum = 0;
      for (int i = 0; i < output.size(); i++) {
        double d = output.get(i) - targets.get(i);
        sum += d * d / 2;
        if (grad != null) {
          grad.set(i, factor * d);
        }
      }
      return sum;
    };
  }

  /** y = s·x with one parameter s = 1.5; its gradients multiplied by the given factors. */
  private static final class ScaleLayer implements Layer {
    final Parameter scale = Parameter.zeros("scale", Matrix.doubles(1, 1), 1, 1);
    private final double inputFactor;
    private final double scaleFactor;
    private Matrix input;
    boolean trainingSeen;

    ScaleLayer(double inputFactor, double scaleFactor) {
      this.inputFactor = inputFactor;
      this.scaleFactor = scaleFactor;
      scale.value().set(0, 1.5);
    }

    @Override
    public void build(int inputSize, LayerContext context) {}

    @Override
    public void initialize(Rng rng) {}

    @Override
    public int outputSize() {
      return 2;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(scale);
    }

    @Override
    public Matrix forward(Matrix in, boolean training) {
      trainingSeen |= training;
      input = in;
      Matrix out = Matrix.doubles(in.rows(), in.cols());
      for (int i = 0; i < in.size(); i++) {
        out.set(i, scale.value().get(0) * in.get(i));
      }
      return out;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
      Matrix gradIn = Matrix.doubles(gradOutput.rows(), gradOutput.cols());
      double ds = 0;
      for (int i = 0; i < gradOutput.size(); i++) {
        gradIn.set(i, inputFactor * scale.value().get(0) * gradOutput.get(i));
        ds += gradOutput.get(i) * input.get(i);
      }
      scale.gradient().set(0, scaleFactor * ds);
      return gradIn;
    }
  }
}
