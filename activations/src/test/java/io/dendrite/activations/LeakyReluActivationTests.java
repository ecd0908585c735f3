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

class LeakyReluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new LeakyReluActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of(0.0);
  }

  @Test
  void scalesNegativesAndTakesTheNegativeSlopeAtZero() {
    for (Matrix z : new Matrix[] {row(-3, 0, 2.5), floatRow(-3, 0, 2.5)}) {
      double[] a = values(forward(new LeakyReluActivation(0.01), z));
      assertThat(a[0]).isCloseTo(-0.03, within(1e-8));
      assertThat(a[1]).isZero();
      assertThat(a[2]).isEqualTo(2.5);
      // PyTorch's leaky_relu_backward: grad for x > 0, negative_slope * grad otherwise.
      double[] g = values(backward(new LeakyReluActivation(0.01), z, z.like(1, 3).fill(2)));
      assertThat(g[0]).isCloseTo(0.02, within(1e-9));
      assertThat(g[1]).isCloseTo(0.02, within(1e-9));
      assertThat(g[2]).isEqualTo(2.0);
    }
  }

  @Test
  void fastFloatPathMatchesTheDefinitionWithinOneRounding() {
    Matrix z = floatRow(-1e30, -3.7, -1e-30, 0, 1e-30, 3.25, 1e30);
    Matrix gradA = floatRow(1, 2, 3, 4, 5, 6, 7);
    LeakyReluActivation activation = new LeakyReluActivation(0.2);
    double[] a = values(forward(activation, z));
    double[] g = values(backward(activation, z, gradA));
    for (int i = 0; i < z.size(); i++) {
      double x = z.get(i);
      double slope = x > 0 ? 1 : 0.2;
      assertThat(a[i]).isCloseTo(slope * x, within(Math.abs(slope * x) * 1e-7));
      assertThat(g[i]).isCloseTo(slope * gradA.get(i), within(1e-6));
    }
  }
}
