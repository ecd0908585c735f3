package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertFinite;
import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code binary_cross_entropy} with {@code from_logits: true}: BCEWithLogits on raw outputs. */
class BinaryCrossEntropyFromLogitsTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new BinaryCrossEntropyLoss.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("from_logits", true);
  }

  /** Logits of three times standard normal values, and 0/1 targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 3 * rng.nextGaussian());
      targets.set(i, rng.nextInt(2));
    }
    return new Sample(outputs, targets);
  }

  /** Confidently wrong logits of ±1000. */
  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, targets.get(i) > 0 ? -1000 : 1000);
    }
    return out;
  }

  /** Logits of ±50 on the right side: the loss is 2e-22 from its infimum 0. */
  @Override
  protected Matrix perfectOutputs(Matrix targets) {
    Matrix out = targets.like(targets.rows(), targets.cols());
    for (int i = 0; i < out.size(); i++) {
      out.set(i, targets.get(i) > 0 ? 50 : -50);
    }
    return out;
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void isFiniteAndExactForLogitsOfPlusMinus1000() {
    Loss loss = newInstance();
    Matrix z = matrix(1, 4, 1000, -1000, 1000, -1000);
    Matrix t = matrix(1, 4, 0, 1, 1, 0);
    assertFinite(loss, z, t);
    assertLoss(loss, z, t, 500, new double[] {0.25, -0.25, 0, 0}, 1e-15);
  }

  @Test
  void fusesWithNothing() {
    // Its outputs already are logits: after a sigmoid they would be probabilities read as logits.
    assertThat(newInstance().fusedWith(ComponentSpec.of(PluginKind.ACTIVATION, "sigmoid")))
        .isNull();
  }
}
