package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertFinite;
import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class KlDivergenceLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new KlDivergenceLoss.Plugin();
  }

  /** Log-probability rows against soft targets, one of which is 0 in each row. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = LogProbabilitySamples.logProbabilities(rows, cols, 1, rng);
    Matrix targets = LogProbabilitySamples.logProbabilities(rows, cols, 1, rng);
    for (int r = 0; r < rows; r++) {
      int zero = rng.nextInt(cols);
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        targets.set(r, c, c == zero && cols > 1 ? 0 : Math.exp(targets.get(r, c)));
        sum += targets.get(r, c);
      }
      for (int c = 0; c < cols; c++) {
        targets.set(r, c, targets.get(r, c) / sum);
      }
    }
    return new Sample(outputs, targets);
  }

  @Override
  protected Matrix extremeOutputs(Matrix targets) {
    return LogProbabilitySamples.confidentlyWrong(targets);
  }

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

  @Test
  void isTheDivergencePerExample() {
    // KL((0.25, 0.75) || (0.5, 0.5)) and KL((1, 0) || (0.8, 0.2)), averaged over the two rows.
    Matrix logQ = LogProbabilitySamples.log(matrix(2, 2, 0.5, 0.5, 0.8, 0.2));
    Matrix p = matrix(2, 2, 0.25, 0.75, 1, 0);
    double first = 0.25 * Math.log(0.25 / 0.5) + 0.75 * Math.log(0.75 / 0.5);
    double second = Math.log(1 / 0.8);
    assertLoss(
        new KlDivergenceLoss(Reduction.MEAN, false),
        logQ,
        p,
        (first + second) / 2,
        new double[] {-0.125, -0.375, -0.5, 0},
        1e-15);
  }

  @Test
  void targetsOfZeroGiveZeroTermsEvenAtTheLogOfProbabilityZero() {
    // PyTorch gives NaN here (0 * -inf); the term is 0 by the definition of the divergence.
    Matrix logQ = matrix(1, 3, Double.NEGATIVE_INFINITY, Math.log(0.5), Math.log(0.5));
    Matrix p = matrix(1, 3, 0, 0.5, 0.5);
    assertLoss(
        new KlDivergenceLoss(Reduction.MEAN, false),
        logQ,
        p,
        0,
        new double[] {0, -0.5, -0.5},
        1e-15);
    assertFinite(new KlDivergenceLoss(Reduction.MEAN, false), logQ, p);
  }

  @Test
  void fusedIsFiniteForLogitsOfPlusMinus1e4() {
    Loss fused = LossRuns.fused(new KlDivergenceLoss(Reduction.MEAN, false), "log_softmax");
    Matrix z = matrix(2, 3, 1e4, -1e4, 0, -1e4, 1e4, 1e4);
    Matrix t = matrix(2, 3, 0.2, 0.8, 0, 1, 0, 0);
    assertFinite(fused, z, t);
    assertThat(fused.evaluate(z, t, null)).isGreaterThan(1e4);
  }
}
