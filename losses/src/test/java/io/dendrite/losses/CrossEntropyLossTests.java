package io.dendrite.losses;

import static io.dendrite.losses.LossRuns.assertLoss;
import static io.dendrite.losses.LossRuns.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LossContract;
import java.util.List;
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

  private static Loss fusedWithSoftmax() {
    return new CrossEntropyLoss()
        .fusedWith(new ComponentSpec(PluginKind.ACTIVATION, "softmax", Params.empty()));
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
  void plainMatchesPyTorchOnProbabilities() {
    Matrix p = matrix(2, 3, 0.2, 0.5, 0.3, 0.7, 0.2, 0.1);
    Matrix t = matrix(2, 3, 0, 1, 0, 0, 0, 1);
    assertLoss(
        new CrossEntropyLoss(), p, t, 1.4978661367769954, new double[] {0, -1, 0, 0, 0, -5}, 1e-14);
  }

  @Test
  void plainClampsProbabilitiesOfZero() {
    Matrix p = matrix(1, 2, 1, 0);
    Matrix t = matrix(1, 2, 0, 1);
    Matrix grad = p.like(1, 2);
    double loss = new CrossEntropyLoss().evaluate(p, t, grad);
    assertThat(loss).isEqualTo(-Math.log(CrossEntropyLoss.MIN_PROBABILITY));
    assertThat(grad.get(1)).isEqualTo(-1 / CrossEntropyLoss.MIN_PROBABILITY);
  }

  @Test
  void doesNotFuseWithOtherActivations() {
    for (String id : List.of("sigmoid", "relu", "identity", "tanh")) {
      assertThat(
              new CrossEntropyLoss()
                  .fusedWith(new ComponentSpec(PluginKind.ACTIVATION, id, Params.empty())))
          .as(id)
          .isNull();
    }
  }
}
