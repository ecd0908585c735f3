package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
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

class GeluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new GeluActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void exactFormIsXTimesTheNormalCdf() {
    double[] a = values(forward(new GeluActivation(false), row(-1, 0, 1, 1000)));
    // Φ(1) = 0.8413447460685429
    assertThat(a[0]).isCloseTo(-(1 - 0.8413447460685429), within(1e-15));
    assertThat(a[1]).isZero();
    assertThat(a[2]).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(a[3]).isEqualTo(1000.0);
    double[] g = values(backward(new GeluActivation(false), row(0, 1), row(1, 1)));
    assertThat(g[0]).isEqualTo(0.5);
    // Φ(1) + φ(1), φ(1) = e^(-1/2) / √(2π)
    assertThat(g[1]).isCloseTo(0.8413447460685429 + 0.24197072451914337, within(1e-15));
  }

  @Test
  void staysAccurateFarIntoTheLowerTail() {
    // 1 + erf(x/√2) would cancel to 0 here; Φ(-10) = 7.619853024160527e-24.
    double a = forward(new GeluActivation(false), row(-10)).get(0);
    assertThat(a).isCloseTo(-7.619853024160527e-23, within(1e-35));
  }

  @Test
  void approximationStaysCloseToTheExactForm() {
    Matrix z = row(-4, -2, -0.5, 0.5, 2, 4);
    double[] exact = values(forward(new GeluActivation(false), z));
    double[] tanh = values(forward(new GeluActivation(true), z));
    for (int i = 0; i < exact.length; i++) {
      assertThat(tanh[i]).isCloseTo(exact[i], within(1e-3));
    }
  }
}
