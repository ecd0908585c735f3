package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The loss contract (on its default sample: probability rows, one-hot targets), and values. */
class FocalLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new FocalLoss.Plugin();
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void gammaZeroIsCrossEntropy() {
    Loss focal = plugin().create(Params.resolve(plugin().params(), Map.of("gamma", 0.0)));
    Matrix out = Matrix.wrap(1, 2, new double[] {0.25, 0.75});
    Matrix target = Matrix.wrap(1, 2, new double[] {0, 1});
    assertThat(focal.evaluate(out, target, null)).isCloseTo(-Math.log(0.75), within(1e-12));
  }

  @Test
  void weighsDownExamplesAlreadyRight() {
    Loss focal = plugin().create(Params.defaults(plugin().params()));
    Matrix target = Matrix.wrap(1, 2, new double[] {0, 1});
    double easy = focal.evaluate(Matrix.wrap(1, 2, new double[] {0.1, 0.9}), target, null);
    // (1 - 0.9)^2 of cross-entropy's -log 0.9
    assertThat(easy).isCloseTo(0.01 * -Math.log(0.9), within(1e-12));
  }
}
