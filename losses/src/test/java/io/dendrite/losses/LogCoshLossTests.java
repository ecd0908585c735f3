package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import org.junit.jupiter.api.Test;

class LogCoshLossTests extends RegressionLossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new LogCoshLoss.Plugin();
  }

  @Test
  void isLogCoshOfTheDifference() {
    double d = 0.7;
    assertLoss(
        new LogCoshLoss(Reduction.MEAN),
        matrix(1, 2, d, 0),
        matrix(1, 2, 0, -d),
        Math.log(Math.cosh(d)),
        new double[] {Math.tanh(d) / 2, Math.tanh(d) / 2},
        1e-15);
  }

  @Test
  void isExactWhereCoshOverflows() {
    // cosh(1000) is infinite in double; log cosh(±1000) is 1000 - log 2.
    double expected = 1000 - Math.log(2);
    assertLoss(
        new LogCoshLoss(Reduction.MEAN),
        matrix(1, 2, 1000, -1000),
        matrix(1, 2, 0, 0),
        expected,
        new double[] {0.5, -0.5},
        1e-15);
    assertThat(new LogCoshLoss(Reduction.MEAN).evaluate(matrix(1, 1, 1e300), matrix(1, 1, 0), null))
        .isEqualTo(1e300);
  }
}
