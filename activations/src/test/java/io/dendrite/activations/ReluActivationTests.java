package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.floatRow;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static io.dendrite.activations.ActivationRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class ReluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new ReluActivation.Plugin();
  }

  @Test
  void passesPositivesAndZeroesTheRest() {
    for (Matrix z : new Matrix[] {row(-3, -0.0, 0, 2.5), floatRow(-3, -0.0, 0, 2.5)}) {
      assertThat(values(forward(new ReluActivation(), z))).containsExactly(0, 0, 0, 2.5);
      // The derivative at 0 is taken as 0, as PyTorch does.
      assertThat(values(backward(new ReluActivation(), z, z.like(1, 4).fill(7))))
          .containsExactly(0, 0, 0, 7);
    }
  }

  @Test
  void fastFloatPathMatchesTheDefinitionExactly() {
    Matrix z = floatRow(-1e30, -1e-30, 1e-30, 3.25, 1e30, Float.MIN_VALUE);
    Matrix gradA = floatRow(1, 2, 3, 4, 5, 6);
    Matrix expected = row(0, 0, 1e-30, 3.25, 1e30, Float.MIN_VALUE).toFloats();
    assertThat(values(forward(new ReluActivation(), z))).containsExactly(values(expected));
    assertThat(values(backward(new ReluActivation(), z, gradA))).containsExactly(0, 0, 3, 4, 5, 6);
  }
}
