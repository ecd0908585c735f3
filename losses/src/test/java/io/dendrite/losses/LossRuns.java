package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import java.util.ServiceLoader;

/** Makes losses as the runner does, and checks them against values computed elsewhere. */
final class LossRuns {
  private LossRuns() {}

  /** The registered loss {@code id}, created with {@code params} and defaults for the rest. */
  static Loss create(String id, Map<String, ?> params) {
    for (LossPlugin p : ServiceLoader.load(LossPlugin.class)) {
      if (p.id().equals(id)) {
        return p.create(Params.resolve(p.params(), params));
      }
    }
    throw new IllegalArgumentException("no loss " + id);
  }

  /** {@code loss} fused with the activation {@code id}, which it must accept. */
  static Loss fused(Loss loss, String activation) {
    Loss fused = loss.fusedWith(ComponentSpec.of(PluginKind.ACTIVATION, activation));
    assertThat(fused).as("fused with %s", activation).isNotNull();
    return fused;
  }

  /**
   * Asserts the loss of {@code outputs} against {@code targets} and its gradient.
   *
   * <p>Each must be within {@code tolerance} relative to {@code max(1, |expected|)}.
   */
  static void assertLoss(
      Loss loss,
      Matrix outputs,
      Matrix targets,
      double expectedLoss,
      double[] expectedGrad,
      double tolerance) {
    Matrix grad = outputs.like(outputs.rows(), outputs.cols());
    double value = loss.evaluate(outputs, targets, grad);
    assertThat(value)
        .isCloseTo(expectedLoss, within(tolerance * Math.max(1, Math.abs(expectedLoss))));
    for (int i = 0; i < expectedGrad.length; i++) {
      assertThat(grad.get(i))
          .as("gradient [%d]", i)
          .isCloseTo(expectedGrad[i], within(tolerance * Math.max(1, Math.abs(expectedGrad[i]))));
    }
  }

  /** Asserts that the value and every gradient value are finite, in float64 and float32. */
  static void assertFinite(Loss loss, Matrix outputs, Matrix targets) {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix o = doubles ? outputs.toDoubles() : outputs.toFloats();
      Matrix t = doubles ? targets.toDoubles() : targets.toFloats();
      Matrix grad = o.like(o.rows(), o.cols());
      double value = loss.evaluate(o, t, grad);
      String precision = doubles ? "float64" : "float32";
      assertThat(Double.isFinite(value)).as("%s value %s is finite", precision, value).isTrue();
      assertThat(grad.allFinite()).as("%s gradient %s is finite", precision, grad).isTrue();
    }
  }

  static Matrix matrix(int rows, int cols, double... values) {
    return Matrix.wrap(rows, cols, values.clone());
  }
}
