package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static io.dendrite.activations.ActivationRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftsignActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SoftsignActivation.Plugin();
  }

  /** The slope is 1 on both sides of 0: no kink. */
  @Override
  protected List<Double> kinks() {
    return List.of();
  }

  @Test
  void knownValues() {
    double[] a = values(forward(new SoftsignActivation(), row(-3, 0, 1, 1000)));
    assertThat(a).containsExactly(-0.75, 0, 0.5, 1000.0 / 1001);
    double[] g = values(backward(new SoftsignActivation(), row(-3, 0, 1), row(1, 1, 1)));
    assertThat(g).containsExactly(1.0 / 16, 1, 0.25);
  }
}
