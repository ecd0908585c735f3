package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.RowwiseActivation;

/**
 * Softmax over each row: {@code a_i = e^z_i / sum_j e^z_j}, a probability distribution.
 *
 * <p>Followed by {@code cross_entropy}, the loss takes this activation's input instead and computes
 * both together (see the losses module), which is exact for any logits; this class is then only
 * used for predictions.
 */
public final class SoftmaxActivation extends RowwiseActivation {
  /** Registers the activation as {@code softmax}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.CLASS_PROBABILITIES;
    }

    public Plugin() {
      super(
          "softmax",
          "softmax over each row: a probability distribution over the classes",
          SoftmaxActivation::new);
    }
  }

  @Override
  protected void forwardRow(double[] z, double[] a, int n) {
    // Shifting by the row maximum leaves softmax unchanged and keeps every exponent <= 0, so
    // nothing overflows and the largest term is exactly 1 (the sum is never 0).
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      a[i] = Math.exp(z[i] - max);
      sum += a[i];
    }
    for (int i = 0; i < n; i++) {
      a[i] /= sum;
    }
  }

  @Override
  protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
    // The Jacobian is diag(a) - a a^T; applied to g without forming it.
    double dot = 0;
    for (int i = 0; i < n; i++) {
      dot += gradA[i] * a[i];
    }
    for (int i = 0; i < n; i++) {
      gradZ[i] = a[i] * (gradA[i] - dot);
    }
  }
}
