package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.floatRow;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SigmoidActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SigmoidActivation.Plugin();
  }

  @Test
  void sigmoidOfZeroIsOneHalfWithSlopeOneQuarter() {
    for (Matrix z : new Matrix[] {row(0), floatRow(0)}) {
      assertThat(forward(new SigmoidActivation(), z).get(0)).isEqualTo(0.5);
      assertThat(backward(new SigmoidActivation(), z, z.like(1, 1).fill(1)).get(0)).isEqualTo(0.25);
    }
  }

  @Test
  void saturatesWithoutOverflowAtPlusMinus1000() {
    for (Matrix z : new Matrix[] {row(-1000, 1000, -40, 40), floatRow(-1000, 1000, -40, 40)}) {
      Matrix a = forward(new SigmoidActivation(), z);
      assertThat(a.get(0)).isEqualTo(0.0);
      assertThat(a.get(1)).isEqualTo(1.0);
      assertThat(a.get(2)).isPositive().isCloseTo(Math.exp(-40), within(1e-20));
      assertThat(a.get(3)).isCloseTo(1.0, within(1e-12));
      Matrix g = backward(new SigmoidActivation(), z, z.like(1, 4).fill(1));
      assertThat(g.get(0)).isEqualTo(0.0);
      assertThat(g.get(1)).isEqualTo(0.0);
    }
  }

  @Test
  void matchesPyTorch() {
    Matrix a = forward(new SigmoidActivation(), row(-2.5, 2.5));
    // torch.sigmoid(torch.tensor(2.5, dtype=torch.float64)), PyTorch 1.13
    assertThat(a.get(1)).isCloseTo(0.9241418199787566, within(1e-15));
    assertThat(a.get(0) + a.get(1)).isCloseTo(1.0, within(1e-15));
  }
}
