package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the divergence guard draws its lines: each limit is allowed, just above it is not. */
class DivergenceGuardTests {
  private static TrainingContext atEpoch2Step3() {
    TrainingContext ctx = new TrainingContext(null, new TestComponents.PlainSgd(0.25), 10);
    ctx.startEpoch(2);
    ctx.startStep();
    ctx.startStep();
    ctx.startStep();
    return ctx;
  }

  private static final String AT = "training diverged at epoch 2, step 3: ";

  @Test
  void nonFiniteLossesStopTheRunNamingEpochStepAndRate() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new DivergenceGuard().checkLoss(atEpoch2Step3(), bad))
          .isInstanceOf(DendriteException.class)
          .hasMessageStartingWith(AT + "the loss is " + bad + "; try a smaller learning_rate")
          .hasMessageContaining("(it is 0.2500)");
    }
  }

  @Test
  void theFirstLossIsTheBaselineAndTenThousandTimesItIsStillAllowed() {
    DivergenceGuard guard = new DivergenceGuard();
    assertThat(guard.baseline()).isNaN();
    guard.checkLoss(atEpoch2Step3(), 2.0);
    assertThat(guard.baseline()).isEqualTo(2.0);
    guard.checkLoss(atEpoch2Step3(), 2.0e4);
    assertThat(guard.baseline()).as("only the first loss").isEqualTo(2.0);
    assertThatThrownBy(() -> guard.checkLoss(atEpoch2Step3(), 2.0002e4))
        .hasMessageStartingWith(
            AT + "the loss is 2.000e+04, more than 10000 times the first step's 2.000");
  }

  @Test
  void aFirstLossOfZeroSetsNoGrowthLimit() {
    DivergenceGuard guard = new DivergenceGuard();
    guard.checkLoss(atEpoch2Step3(), 0.0);
    assertThatCode(() -> guard.checkLoss(atEpoch2Step3(), 1e9)).doesNotThrowAnyException();
    DivergenceGuard restored = new DivergenceGuard();
    restored.restoreBaseline(1.0);
    assertThatThrownBy(() -> restored.checkLoss(atEpoch2Step3(), 1.5e4))
        .hasMessageContaining("more than 10000 times the first step's 1.000");
  }

  @Test
  void theMaximumLossItselfIsAllowed() {
    DivergenceGuard guard = new DivergenceGuard();
    guard.setMaxLoss(3.0);
    guard.checkLoss(atEpoch2Step3(), 3.0);
    assertThatThrownBy(() -> guard.checkLoss(atEpoch2Step3(), 3.001))
        .hasMessageStartingWith(AT + "the loss is 3.001, above training.max_loss 3.000");
  }

  @Test
  void aNonFiniteGradientIsNamedByItsParameterFromTheFirstOn() {
    List<Parameter> parameters =
        List.of(
            new Parameter("layers.0.weight", Matrix.floats(1, 1), Matrix.floats(1, 1)),
            new Parameter("layers.0.bias", Matrix.floats(1, 1), Matrix.floats(1, 1)));
    DivergenceGuard guard = new DivergenceGuard();
    assertThatCode(() -> guard.checkUpdate(atEpoch2Step3(), parameters, -1))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.checkUpdate(atEpoch2Step3(), parameters, 0))
        .hasMessageStartingWith(AT + "the gradient of layers.0.weight is not finite");
    assertThatThrownBy(() -> guard.checkUpdate(atEpoch2Step3(), parameters, 1))
        .hasMessageStartingWith(AT + "the gradient of layers.0.bias is not finite");
  }
}
