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

class IdentityActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new IdentityActivation.Plugin();
  }

  @Test
  void copiesValuesAndGradients() {
    for (Matrix z : new Matrix[] {row(-3, 0, 2.5), floatRow(-3, 0, 2.5)}) {
      assertThat(values(forward(new IdentityActivation(), z))).containsExactly(-3, 0, 2.5);
      Matrix gradA = z.like(1, 3);
      gradA.set(0, 4);
      gradA.set(2, -1);
      assertThat(values(backward(new IdentityActivation(), z, gradA))).containsExactly(4, 0, -1);
    }
  }

  @Test
  void isAlsoCalledLinear() {
    assertThat(new IdentityActivation.Plugin().aliases()).containsExactly("linear");
  }
}
