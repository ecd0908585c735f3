package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.floatRow;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static io.dendrite.activations.ActivationRuns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class MishActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new MishActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void isFiniteAndAccurateAtLargeInputs() {
    for (Matrix z : new Matrix[] {row(-1000, 0, 1000), floatRow(-1000, 0, 1000)}) {
      double[] a = values(forward(new MishActivation(), z));
      assertThat(a[0]).isZero();
      assertThat(a[1]).isZero();
      assertThat(a[2]).isEqualTo(1000.0);
      double[] g = values(backward(new MishActivation(), z, z.like(1, 3).fill(1)));
      assertThat(g[0]).isZero();
      // tanh(log 2) = 0.6
      assertThat(g[1]).isCloseTo(0.6, within(1e-7));
      assertThat(g[2]).isEqualTo(1.0);
    }
    // x tanh(softplus(x)) ~ x e^x far below 0, not 0 from cancellation
    double a = forward(new MishActivation(), row(-50)).get(0);
    assertThat(a).isCloseTo(-50 * Math.exp(-50), within(1e-15 * 50 * Math.exp(-50)));
  }
}
