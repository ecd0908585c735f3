package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertFinite;
import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NllLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new NllLoss.Plugin();
  }

  /** Log-probability rows and one-hot targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Sample probabilities = super.sample(rows, cols, rng);
    return new Sample(LogProbabilitySamples.log(probabilities.outputs()), probabilities.targets());
  }

  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    return LogProbabilitySamples.confidentlyWrong(targets);
  }

  /** Log-probabilities of the targets: 0 at the class, {@code -inf} elsewhere. */
  @Override
  protected Matrix perfectOutputs(Matrix targets) {
    return LogProbabilitySamples.log(targets);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  @Override
  protected List<String> fusableActivations() {
    return List.of("log_softmax");
  }

  @Override
  protected Activation activation(String id) {
    return ReferenceActivations.byId(id);
  }

  private static Loss fusedWithLogSoftmax() {
    return LossRuns.fused(new NllLoss(Reduction.MEAN), "log_softmax");
  }

  @Test
  void isMinusTheLogProbabilityOfTheTargetClass() {
    assertLoss(
        new NllLoss(Reduction.MEAN),
        matrix(2, 3, -0.5, -1.2, -2.0, -3.0, -0.1, -4.0),
        matrix(2, 3, 0, 1, 0, 0, 0, 1),
        (1.2 + 4.0) / 2,
        new double[] {0, -0.5, 0, 0, 0, -0.5},
        1e-15);
  }

  @Test
  void ignoresTheLogOfProbabilityZeroOutsideTheTargetClass() {
    Matrix logP = matrix(1, 3, Double.NEGATIVE_INFINITY, -0.25, Double.NEGATIVE_INFINITY);
    assertLoss(
        new NllLoss(Reduction.MEAN), logP, matrix(1, 3, 0, 1, 0), 0.25, new double[] {0, -1, 0}, 0);
  }

  @Test
  void fusedIsFiniteAndExactForLogitsOfPlusMinus1e4() {
    Matrix z = matrix(3, 3, 1e4, -1e4, 0, -1e4, -1e4, -1e4, 1e4, 1e4, -1e4);
    Matrix t = matrix(3, 3, 0, 1, 0, 1, 0, 0, 0, 0, 1);
    assertFinite(fusedWithLogSoftmax(), z, t);
    // Rows: 2e4, log 3 and 2e4 + log 2.
    double expected = (2e4 + Math.log(3) + 2e4 + Math.log(2)) / 3;
    assertThat(fusedWithLogSoftmax().evaluate(z, t, null)).isCloseTo(expected, within(1e-11));
  }

  @Test
  void doesNotFuseWithSoftmax() {
    assertThat(
            new NllLoss(Reduction.MEAN)
                .fusedWith(ComponentSpec.of(PluginKind.ACTIVATION, "softmax")))
        .isNull();
  }
}
