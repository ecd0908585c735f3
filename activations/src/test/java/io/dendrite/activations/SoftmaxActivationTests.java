package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SoftmaxActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SoftmaxActivation.Plugin();
  }

  @Test
  void rowsArePositiveAndSumToOneEvenForHugeLogits() {
    Matrix z = Matrix.wrap(3, 4, new double[] {1, 2, 3, 4, -1000, 0, 1000, 5, 1e4, 1e4, 1e4, 1e4});
    for (Matrix in : new Matrix[] {z, z.toFloats()}) {
      Matrix a = forward(new SoftmaxActivation(), in);
      for (int r = 0; r < 3; r++) {
        double sum = 0;
        for (int c = 0; c < 4; c++) {
          assertThat(a.get(r, c)).isBetween(0.0, 1.0);
          sum += a.get(r, c);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
      }
      assertThat(a.get(1, 2)).isEqualTo(1.0);
      assertThat(a.get(2, 0)).isEqualTo(0.25);
    }
  }

  @Test
  void matchesPyTorch() {
    // Computed by PyTorch 1.13: torch.softmax(torch.tensor([[1., 2., 3., 4.]], dtype=float64), 1)
    Matrix a = forward(new SoftmaxActivation(), row(1, 2, 3, 4));
    double[] expected = {
      0.03205860328008499, 0.08714431874203257, 0.23688281808991016, 0.6439142598879724
    };
    for (int i = 0; i < 4; i++) {
      assertThat(a.get(i)).isCloseTo(expected[i], within(1e-15));
    }
    // PyTorch's z.grad after (softmax(z) * g).sum().backward(), g = [0.5, -1, 2, 0]
    Matrix g = backward(new SoftmaxActivation(), row(1, 2, 3, 4), row(0.5, -1, 2, 0));
    double[] expectedGrad = {
      0.0031208851825457145, -0.12223303263262776, 0.37838462282701696, -0.25927247537693493
    };
    for (int i = 0; i < 4; i++) {
      assertThat(g.get(i)).isCloseTo(expectedGrad[i], within(1e-15));
    }
  }

  @Test
  void isUnchangedByAddingAConstantToARow() {
    Matrix a = forward(new SoftmaxActivation(), row(1, 2, 3));
    Matrix b = forward(new SoftmaxActivation(), row(1001, 1002, 1003));
    for (int i = 0; i < 3; i++) {
      assertThat(b.get(i)).isCloseTo(a.get(i), within(1e-15));
    }
  }

  @Test
  void forwardAndBackwardAreFiniteForLogitsOfPlusMinus1e4() {
    Matrix z =
        Matrix.wrap(
            3, 4, new double[] {1e4, -1e4, 0, 1e4, -1e4, -1e4, -1e4, -1e4, -1e4, -1e4, -1e4, 1e4});
    Matrix gradA = Matrix.wrap(3, 4, new double[] {1, -2, 0.5, 3, 1, -1, 2, 0, 4, 1, 1, -3});
    for (Matrix in : new Matrix[] {z, z.toFloats()}) {
      Matrix a = forward(new SoftmaxActivation(), in);
      Matrix g = backward(new SoftmaxActivation(), in, in.isDouble() ? gradA : gradA.toFloats());
      assertThat(a.allFinite()).as("softmax at ±1e4 is finite").isTrue();
      assertThat(g.allFinite()).as("its gradient at ±1e4 is finite").isTrue();
      assertThat(a.get(0, 0)).isEqualTo(0.5);
      assertThat(a.get(0, 1)).isEqualTo(0.0);
      assertThat(a.get(1, 2)).isEqualTo(0.25);
      assertThat(a.get(2, 3)).isEqualTo(1.0);
    }
  }
}
