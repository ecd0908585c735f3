package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static io.dendrite.activations.ActivationRuns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SeluActivationTests extends ActivationContract {
  private static final double ALPHA = 1.6732632423543772848170429916717;
  private static final double SCALE = 1.0507009873554804934193349852946;

  @Override
  protected Plugin<Activation> plugin() {
    return new SeluActivation.Plugin();
  }

  @Test
  void usesTheSelfNormalizingConstants() {
    double[] a = values(forward(new SeluActivation(), row(-1000, 0, 1)));
    assertThat(a[0]).isCloseTo(-SCALE * ALPHA, within(1e-15));
    assertThat(a[1]).isZero();
    assertThat(a[2]).isEqualTo(SCALE);
    double[] g = values(backward(new SeluActivation(), row(-1000, 0, 1), row(1, 1, 1)));
    assertThat(g[0]).isZero();
    assertThat(g[1]).isCloseTo(SCALE * ALPHA, within(1e-15));
    assertThat(g[2]).isEqualTo(SCALE);
  }
}
