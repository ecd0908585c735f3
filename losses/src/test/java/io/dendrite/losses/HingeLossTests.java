package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HingeLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new HingeLoss.Plugin();
  }

  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    return HingeSamples.signs(rows, cols, rng);
  }

  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    return HingeSamples.confidentlyWrong(targets);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void isTheMeanMarginViolation() {
    // Margins 1 - y o: 1 - 2 < 0, 1 - (-1)(0.5) = 1.5, 1 - 0.25 = 0.75, 1 - (-1)(-3) < 0.
    assertLoss(
        new HingeLoss(Reduction.MEAN),
        matrix(1, 4, 2, 0.5, 0.25, -3),
        matrix(1, 4, 1, -1, 1, -1),
        (1.5 + 0.75) / 4,
        new double[] {0, 0.25, -0.25, 0},
        1e-15);
  }

  @Test
  void readsRowsOfZeroOneTargetsAsMinusOneOne() {
    Matrix o = matrix(2, 3, 0.3, -1.5, 2, 0.7, 0.1, -0.4);
    Matrix grad01 = o.like(2, 3);
    Matrix gradSigns = o.like(2, 3);
    Loss loss = new HingeLoss(Reduction.MEAN);
    double zeroOne = loss.evaluate(o, matrix(2, 3, 1, 0, 1, 0, 0, 1), grad01);
    double signs = loss.evaluate(o, matrix(2, 3, 1, -1, 1, -1, -1, 1), gradSigns);
    assertThat(zeroOne).isEqualTo(signs);
    for (int i = 0; i < 6; i++) {
      assertThat(grad01.get(i)).isEqualTo(gradSigns.get(i));
    }
  }
}
