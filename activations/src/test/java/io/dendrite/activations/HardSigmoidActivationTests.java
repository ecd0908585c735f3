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

class HardSigmoidActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new HardSigmoidActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of(-3.0, 3.0);
  }

  @Test
  void isRelu6OfXPlus3Over6WithSlopeZeroAtTheEnds() {
    for (Matrix z : new Matrix[] {row(-4, -3, 0, 1.5, 3, 4), floatRow(-4, -3, 0, 1.5, 3, 4)}) {
      assertThat(values(forward(new HardSigmoidActivation(), z)))
          .containsExactly(0, 0, 0.5, 0.75, 1, 1);
      double[] g = values(backward(new HardSigmoidActivation(), z, z.like(1, 6).fill(6)));
      assertThat(g[0]).isZero();
      assertThat(g[1]).isZero();
      assertThat(g[2]).isCloseTo(1, within(1e-7));
      assertThat(g[3]).isCloseTo(1, within(1e-7));
      assertThat(g[4]).isZero();
      assertThat(g[5]).isZero();
    }
  }
}
