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
import io.dendrite.core.spi.support.RowwiseLoss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTests extends LossContract {
  @Override
  protected Plugin<Loss> plugin() {
    return new CrossEntropyLoss.Plugin();
  }

  @Override
  protected List<String> fusableActivations() {
    return List.of("softmax");
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
    return new CrossEntropyLoss(Reduction.MEAN, 0);
  }

  private static Loss fusedWithSoftmax() {
    return LossRuns.fused(plain(), "softmax");
  }

  // Expected values below were computed by PyTorch 1.13 in float64:
  // F.cross_entropy(z, t) for logits, F.nll_loss(torch.log(p), t.argmax(1)) for probabilities,
  // with the gradient from loss.backward().

  @Test
  void fusedMatchesPyTorchCrossEntropyOnLogits() {
    Matrix z = matrix(2, 3, 1.5, -0.3, 0.2, 2.0, 2.0, -1.0);
    Matrix t = matrix(2, 3, 0, 0, 1, 1, 0, 0);
    double[] grad = {
      0.3477460917466098, 0.05748204234911643, -0.40522813409572617,
      -0.2560722244198158, 0.2439277755801842, 0.012144448839631604
    };
    assertLoss(fusedWithSoftmax(), z, t, 1.190435712517728, grad, 1e-14);
    assertLoss(fusedWithSoftmax(), z.toFloats(), t.toFloats(), 1.190435712517728, grad, 1e-6);
  }

  @Test
  void fusedIsExactForLogitsOfPlusMinus1e4() {
    Matrix z = matrix(1, 3, 1e4, -1e4, 0);
    Matrix t = matrix(1, 3, 0, 1, 0);
    double[] grad = {1, -1, 0};
    assertLoss(fusedWithSoftmax(), z, t, 20000.0, grad, 1e-15);
    assertLoss(fusedWithSoftmax(), z.toFloats(), t.toFloats(), 20000.0, grad, 1e-15);
  }

  @Test
  void fusedIsFiniteForLogitsOfPlusMinus1e4WithLabelSmoothing() {
    Loss smoothed = LossRuns.fused(new CrossEntropyLoss(Reduction.MEAN, 0.1), "softmax");
    assertFinite(
        smoothed,
        matrix(3, 3, 1e4, -1e4, 0, -1e4, -1e4, -1e4, 1e4, 1e4, -1e4),
        matrix(3, 3, 0, 1, 0, 1, 0, 0, 0, 0, 1));
  }

  /**
   * The fused computation as it was before label smoothing and sum reduction came.
   *
   * <p>The default fused loss must give exactly its bits, so that training runs do not change.
   */
  private static final class FormerSoftmaxCrossEntropy extends RowwiseLoss {
    @Override
    protected double row(double[] logits, double[] target, double[] grad, int n) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        max = Math.max(max, logits[k]);
      }
      double sumExp = 0;
      for (int k = 0; k < n; k++) {
        sumExp += Math.exp(logits[k] - max);
      }
      double logSumExp = Math.log(sumExp);
      double loss = 0;
      double targetSum = 0;
      for (int k = 0; k < n; k++) {
        double t = target[k];
        targetSum += t;
        if (t != 0) {
          loss += t * ((max - logits[k]) + logSumExp);
        }
      }
      if (grad != null) {
        for (int k = 0; k < n; k++) {
          grad[k] = Math.exp(logits[k] - max) / sumExp * targetSum - target[k];
        }
      }
      return loss;
    }
  }

  @Test
  void fusedDefaultGivesTheFormerBitsExactly() {
    Rng rng = new Rng(5);
    Loss former = new FormerSoftmaxCrossEntropy();
    Loss current = LossRuns.create("cross_entropy", Map.of()).fusedWith(softmax());
    for (int round = 0; round < 20; round++) {
      int rows = 1 + rng.nextInt(16);
      int cols = 2 + rng.nextInt(12);
      Matrix z = Matrix.floats(rows, cols);
      Matrix t = Matrix.floats(rows, cols);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          z.set(r, c, (round % 4 == 0 ? 1e4 : 4) * rng.nextGaussian());
        }
        t.set(r, rng.nextInt(cols), 1);
      }
      for (Matrix[] pair : new Matrix[][] {{z, t}, {z.toDoubles(), t.toDoubles()}}) {
        Matrix expectedGrad = pair[0].like(rows, cols);
        Matrix grad = pair[0].like(rows, cols);
        double expected = former.evaluate(pair[0], pair[1], expectedGrad);
        assertThat(Double.doubleToRawLongBits(current.evaluate(pair[0], pair[1], grad)))
            .isEqualTo(Double.doubleToRawLongBits(expected));
        for (int i = 0; i < grad.size(); i++) {
          assertThat(Double.doubleToRawLongBits(grad.get(i)))
              .as("gradient [%d]", i)
              .isEqualTo(Double.doubleToRawLongBits(expectedGrad.get(i)));
        }
      }
    }
  }

  @Test
  void plainMatchesPyTorchOnProbabilities() {
    Matrix p = matrix(2, 3, 0.2, 0.5, 0.3, 0.7, 0.2, 0.1);
    Matrix t = matrix(2, 3, 0, 1, 0, 0, 0, 1);
    assertLoss(plain(), p, t, 1.4978661367769954, new double[] {0, -1, 0, 0, 0, -5}, 1e-14);
  }

  @Test
  void plainClampsProbabilitiesOfZero() {
    Matrix p = matrix(1, 2, 1, 0);
    Matrix t = matrix(1, 2, 0, 1);
    Matrix grad = p.like(1, 2);
    double loss = plain().evaluate(p, t, grad);
    assertThat(loss).isEqualTo(-Math.log(CrossEntropyLoss.MIN_PROBABILITY));
    assertThat(grad.get(1)).isEqualTo(-1 / CrossEntropyLoss.MIN_PROBABILITY);
  }

  @Test
  void plainIsFiniteForTheLogOfProbabilityZero() {
    // With label smoothing every class has a target above 0, so every log(0) is taken.
    Matrix p = matrix(2, 3, 1, 0, 0, 0, 0, 1);
    Matrix t = matrix(2, 3, 0, 1, 0, 1, 0, 0);
    assertFinite(plain(), p, t);
    assertFinite(new CrossEntropyLoss(Reduction.MEAN, 0.2), p, t);
  }

  @Test
  void labelSmoothingMixesTheTargetsWithTheUniformDistribution() {
    // ε = 0.3 over 3 classes: targets (0.1, 0.8, 0.1) for the one-hot (0, 1, 0).
    Matrix p = matrix(1, 3, 0.2, 0.5, 0.3);
    Matrix t = matrix(1, 3, 0, 1, 0);
    double expected = -(0.1 * Math.log(0.2) + 0.8 * Math.log(0.5) + 0.1 * Math.log(0.3));
    double[] grad = {-0.1 / 0.2, -0.8 / 0.5, -0.1 / 0.3};
    assertLoss(new CrossEntropyLoss(Reduction.MEAN, 0.3), p, t, expected, grad, 1e-15);
  }

  @Test
  void doesNotFuseWithOtherActivations() {
    for (String id : List.of("sigmoid", "relu", "identity", "tanh", "log_softmax")) {
      assertThat(plain().fusedWith(new ComponentSpec(PluginKind.ACTIVATION, id, Params.empty())))
          .as(id)
          .isNull();
    }
  }

  private static ComponentSpec softmax() {
    return ComponentSpec.of(PluginKind.ACTIVATION, "softmax");
  }
}
