package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.forward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSoftmaxActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new LogSoftmaxActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void isTheLogOfSoftmax() {
    Matrix z = Matrix.wrap(2, 3, new double[] {1, 2, 3, -0.5, 0, 4});
    Matrix logP = forward(new LogSoftmaxActivation(), z);
    Matrix p = forward(new SoftmaxActivation(), z);
    for (int i = 0; i < z.size(); i++) {
      assertThat(logP.get(i)).isCloseTo(Math.log(p.get(i)), within(1e-15));
    }
  }

  @Test
  void isFiniteAndExactForLogitsOfPlusMinus1e4() {
    Matrix z =
        Matrix.wrap(
            4,
            4,
            new double[] {
              1e4, -1e4, 0, 1e4, 1e4, 1e4, 1e4, 1e4, -1e4, -1e4, -1e4, -1e4, -1e4, -1e4, -1e4, 1e4
            });
    for (Matrix in : new Matrix[] {z, z.toFloats()}) {
      Matrix a = forward(new LogSoftmaxActivation(), in);
      Matrix g = backward(new LogSoftmaxActivation(), in, in.like(4, 4).fill(1));
      assertThat(a.allFinite()).as("log_softmax at ±1e4 is finite").isTrue();
      assertThat(g.allFinite()).as("its gradient at ±1e4 is finite").isTrue();
      assertThat(a.get(0, 0)).isCloseTo(-Math.log(2), within(1e-7));
      assertThat(a.get(0, 1)).isCloseTo(-2e4 - Math.log(2), within(1e-3));
      assertThat(a.get(1, 2)).isCloseTo(-Math.log(4), within(1e-7));
      assertThat(a.get(3, 3)).isEqualTo(0.0);
      assertThat(a.get(3, 0)).isEqualTo(-2e4);
      // the gradient of a row's sum is 1 - n softmax: here 1 - 4 * 1/4
      assertThat(g.get(1, 0)).isCloseTo(0, within(1e-6));
    }
  }
}
