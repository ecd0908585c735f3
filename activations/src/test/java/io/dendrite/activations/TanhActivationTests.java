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

class TanhActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new TanhActivation.Plugin();
  }

  @Test
  void knownValuesFromPyTorch() {
    Matrix a = forward(new TanhActivation(), row(0, 1, -1000, 1000));
    assertThat(a.get(0)).isEqualTo(0.0);
    // torch.tanh(torch.tensor(1., dtype=torch.float64)), PyTorch 1.13
    assertThat(a.get(1)).isCloseTo(0.7615941559557649, within(1e-15));
    assertThat(a.get(2)).isEqualTo(-1.0);
    assertThat(a.get(3)).isEqualTo(1.0);
    Matrix g = backward(new TanhActivation(), row(0, 1), row(1, 1));
    assertThat(g.get(0)).isEqualTo(1.0);
    // 1 - tanh(1)^2
    assertThat(g.get(1)).isCloseTo(0.41997434161402614, within(1e-15));
  }
}
