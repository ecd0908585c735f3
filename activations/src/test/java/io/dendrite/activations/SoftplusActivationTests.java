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

class SoftplusActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SoftplusActivation.Plugin();
  }

  /** Where beta x passes the threshold the function turns linear, with a jump of about 2e-9. */
  @Override
  protected List<Double> kinks() {
    return List.of(20.0);
  }

  @Test
  void isFiniteAndAccurateAtPlusMinus1000() {
    for (Matrix z : new Matrix[] {row(-1000, -50, 0, 1000), floatRow(-1000, -50, 0, 1000)}) {
      double[] a = values(forward(new SoftplusActivation(1, 20), z));
      assertThat(a[0]).isZero();
      // log1p keeps e^-50, which log(1 + e^-50) would round to 0
      assertThat(a[1]).isCloseTo(Math.exp(-50), within(1e-6 * Math.exp(-50)));
      assertThat(a[2]).isCloseTo(Math.log(2), within(1e-7));
      assertThat(a[3]).isEqualTo(1000.0);
      double[] g = values(backward(new SoftplusActivation(1, 20), z, z.like(1, 4).fill(1)));
      assertThat(g[0]).isZero();
      assertThat(g[1]).isCloseTo(Math.exp(-50), within(1e-6 * Math.exp(-50)));
      assertThat(g[2]).isEqualTo(0.5);
      assertThat(g[3]).isEqualTo(1.0);
    }
  }

  @Test
  void isLinearAboveTheThresholdAsInPyTorch() {
    SoftplusActivation softplus = new SoftplusActivation(2, 20);
    double[] a = values(forward(softplus, row(10, 10.5)));
    assertThat(a[0]).isCloseTo(10 + Math.log1p(Math.exp(-20)) / 2, within(1e-15));
    assertThat(a[1]).isEqualTo(10.5);
    assertThat(values(backward(softplus, row(10.5), row(3)))).containsExactly(3);
  }
}
