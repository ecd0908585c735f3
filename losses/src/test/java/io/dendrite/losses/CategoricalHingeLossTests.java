package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CategoricalHingeLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new CategoricalHingeLoss.Plugin();
  }

  /** Twice standard-normal scores against the default one-hot targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix targets = super.sample(rows, cols, rng).targets();
    Matrix outputs = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 2 * rng.nextGaussian());
    }
    return new Sample(outputs, targets);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Test
  void isTheMarginOfTheBestWrongScoreOverTheTrueOne() {
    // True class 1 scores 0.5; the best other is 1.2 (class 2): margin 1.2 - 0.5 + 1 = 1.7.
    // Second row: 3 beats every other score by more than 1, so its loss is 0.
    assertLoss(
        new CategoricalHingeLoss(Reduction.MEAN),
        matrix(2, 3, -0.3, 0.5, 1.2, 3, 1.5, -2),
        matrix(2, 3, 0, 1, 0, 1, 0, 0),
        1.7 / 2,
        new double[] {0, -0.5, 0.5, 0, 0, 0},
        1e-15);
  }
}
