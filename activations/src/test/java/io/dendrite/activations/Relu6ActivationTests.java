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
import java.util.List;
import org.junit.jupiter.api.Test;

class Relu6ActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new Relu6Activation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of(0.0, 6.0);
  }

  @Test
  void capsAtSixWithSlopeZeroAtBothKinks() {
    for (Matrix z : new Matrix[] {row(-1, 0, 3, 6, 7), floatRow(-1, 0, 3, 6, 7)}) {
      assertThat(values(forward(new Relu6Activation(), z))).containsExactly(0, 0, 3, 6, 6);
      // PyTorch computes relu6 as hardtanh(x, 0, 6): slope 0 at 0 and at 6.
      assertThat(values(backward(new Relu6Activation(), z, z.like(1, 5).fill(2))))
          .containsExactly(0, 0, 2, 0, 0);
    }
  }
}
