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

class CeluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new CeluActivation.Plugin();
  }

  /** The slope is 1 on both sides of 0 for every alpha: no kink. */
  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void tendsToMinusAlphaWithSlopeOneAtZero() {
    for (Matrix z : new Matrix[] {row(-1000, -2, 0, 2), floatRow(-1000, -2, 0, 2)}) {
      CeluActivation celu = new CeluActivation(2);
      double[] a = values(forward(celu, z));
      assertThat(a[0]).isEqualTo(-2.0);
      assertThat(a[1]).isCloseTo(2 * (Math.exp(-1) - 1), within(1e-7));
      assertThat(a[2]).isZero();
      assertThat(a[3]).isEqualTo(2.0);
      double[] g = values(backward(celu, z, z.like(1, 4).fill(1)));
      assertThat(g[0]).isCloseTo(0, within(1e-200)); // e^-500
      assertThat(g[1]).isCloseTo(Math.exp(-1), within(1e-7));
      assertThat(g[2]).isEqualTo(1.0);
      assertThat(g[3]).isEqualTo(1.0);
    }
  }
}
