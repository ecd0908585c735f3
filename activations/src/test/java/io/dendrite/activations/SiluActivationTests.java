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

class SiluActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SiluActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void isAlsoCalledSwish() {
    assertThat(new SiluActivation.Plugin().aliases()).containsExactly("swish");
  }

  @Test
  void isFiniteAndExactAtPlusMinus1000() {
    for (Matrix z : new Matrix[] {row(-1000, 0, 1000), floatRow(-1000, 0, 1000)}) {
      double[] a = values(forward(new SiluActivation(), z));
      assertThat(a[0]).isZero();
      assertThat(a[1]).isZero();
      assertThat(a[2]).isEqualTo(1000.0);
      double[] g = values(backward(new SiluActivation(), z, z.like(1, 3).fill(1)));
      assertThat(g[0]).isZero();
      assertThat(g[1]).isEqualTo(0.5);
      assertThat(g[2]).isEqualTo(1.0);
    }
  }
}
