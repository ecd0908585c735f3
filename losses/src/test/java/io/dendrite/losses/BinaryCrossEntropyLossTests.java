package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertFinite;
import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
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

class BinaryCrossEntropyLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new BinaryCrossEntropyLoss.Plugin();
  }

  /** Independent probabilities in (0.05, 0.95) and 0/1 targets. */
  @Override
  protected Sample sample(int rows, int cols, Rng rng) {
    Matrix outputs = Matrix.doubles(rows, cols);
    Matrix targets = Matrix.doubles(rows, cols);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.set(i, 0.05 + 0.9 * rng.nextDouble());
      targets.set(i, rng.nextInt(2));
    }
    return new Sample(outputs, targets);
  }

  @Override
  protected List<String> fusableActivations() {
    return List.of("sigmoid");
  }

  @Override
  protected Activation activation(String id) {
    return ReferenceActivations.byId(id);
  }

  @Override
  protected OptionalDouble lossAtPerfectOutputs() {
    return OptionalDouble.of(0);
  }

  private static Loss plain() {
    return new BinaryCrossEntropyLoss(Reduction.MEAN, false);
  }

  private static Loss fusedWithSigmoid() {
    return LossRuns.fused(plain(), "sigmoid");
  }

  // Expected values below were computed by PyTorch 1.13 in float64 with
  // F.binary_cross_entropy(p, t) and F.binary_cross_entropy_with_logits(z, t), and backward().

  @Test
  void plainMatchesPyTorch() {
    Matrix p = matrix(2, 2, 0.9, 0.2, 0.4, 0.6);
    Matrix t = matrix(2, 2, 1, 0, 0, 1);
    double[] grad = {
      -0.2777777777777778, 0.31249999999999994, 0.4166666666666667, -0.4166666666666667
    };
    assertLoss(plain(), p, t, 0.3375388286260044, grad, 1e-14);
  }

  @Test
  void plainClampsLikePyTorchAtZeroAndOne() {
    Matrix p = matrix(2, 2, 0, 1, 1, 0);
    Matrix t = matrix(2, 2, 1, 0, 0, 1);
    double g = 250000000998.9507;
    assertLoss(plain(), p, t, 100.0, new double[] {-g, g, g, -g}, 1e-8);
  }

  @Test
  void plainIsFiniteForProbabilitiesOfZeroAndOne() {
    // log(0) on both sides of the loss: p = 0 and p = 1 against either target.
    assertFinite(plain(), matrix(2, 2, 0, 1, 0, 1), matrix(2, 2, 1, 0, 0, 1));
  }

  @Test
  void fusedMatchesPyTorchWithLogits() {
    Matrix z = matrix(2, 2, 2.0, -1.0, 0.5, -3.0);
    Matrix t = matrix(2, 2, 1, 0, 0, 1);
    double[] grad = {
      -0.02980073050552942, 0.06723535534249878, 0.15561483280046365, -0.2381435317056083
    };
    assertLoss(fusedWithSigmoid(), z, t, 1.115713508578761, grad, 1e-14);
  }

  @Test
  void fusedIsExactForLogitsOfPlusMinus1e4() {
    assertLoss(
        fusedWithSigmoid(),
        matrix(1, 2, -1e4, 1e4),
        matrix(1, 2, 1, 0),
        10000.0,
        new double[] {-0.5, 0.5},
        1e-15);
    assertLoss(
        fusedWithSigmoid(),
        matrix(2, 2, 1e4, -1e4, -1e4, 1e4).toFloats(),
        matrix(2, 2, 1, 0, 0, 1).toFloats(),
        0.0,
        new double[] {0, 0, 0, 0},
        1e-15);
  }

  @Test
  void fusedIsFiniteAndExactForLogitsOfPlusMinus1000() {
    Matrix z = matrix(1, 4, 1000, -1000, 1000, -1000);
    Matrix t = matrix(1, 4, 0, 1, 1, 0);
    assertFinite(fusedWithSigmoid(), z, t);
    assertLoss(fusedWithSigmoid(), z, t, 500, new double[] {0.25, -0.25, 0, 0}, 1e-15);
  }

  @Test
  void fusedIsTheFromLogitsForm() {
    Matrix z = matrix(2, 2, 2.0, -1.0, 0.5, -3.0);
    Matrix t = matrix(2, 2, 1, 0, 0.3, 1);
    Loss fromLogits = new BinaryCrossEntropyLoss(Reduction.MEAN, true);
    assertThat(fusedWithSigmoid().evaluate(z, t, null)).isEqualTo(fromLogits.evaluate(z, t, null));
  }

  @Test
  void doesNotFuseWithSoftmax() {
    assertThat(
            plain().fusedWith(new ComponentSpec(PluginKind.ACTIVATION, "softmax", Params.empty())))
        .isNull();
  }
}
