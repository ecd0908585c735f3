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

class EluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new EluActivation.Plugin();
  }

  /** With the default alpha of 1 the slope is 1 on both sides of 0: no kink. */
  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void tendsToMinusAlphaAndTakesTheLeftSlopeAtZero() {
    for (Matrix z : new Matrix[] {row(-1000, -1, 0, 2), floatRow(-1000, -1, 0, 2)}) {
      EluActivation elu = new EluActivation(0.5);
      double[] a = values(forward(elu, z));
      assertThat(a[0]).isEqualTo(-0.5);
      assertThat(a[1]).isCloseTo(0.5 * (Math.exp(-1) - 1), within(1e-7));
      assertThat(a[2]).isZero();
      assertThat(a[3]).isEqualTo(2.0);
      double[] g = values(backward(elu, z, z.like(1, 4).fill(1)));
      assertThat(g[0]).isZero();
      assertThat(g[1]).isCloseTo(0.5 * Math.exp(-1), within(1e-7));
      // PyTorch's elu_backward uses alpha e^x for x <= 0.
      assertThat(g[2]).isEqualTo(0.5);
      assertThat(g[3]).isEqualTo(1.0);
    }
  }
}
