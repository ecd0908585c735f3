package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.RowwiseActivation;

/**
 * Log-softmax over each row, {@code a_i = z_i - log sum_j e^z_j}: log-probabilities.
 *
 * <p>Computed as {@code z_i - max - log(sum_j e^(z_j - max))}, so that no exponent is positive and
 * the sum is at least 1: finite for any finite logits, ±1e4 included.
 */
public final class LogSoftmaxActivation extends RowwiseActivation {
  /** Registers the activation as {@code log_softmax}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.LOG_CLASS_PROBABILITIES;
    }

    public Plugin() {
      super(
          "log_softmax",
          "log of the softmax over each row: log-probabilities of the classes",
          LogSoftmaxActivation::new);
    }
  }

  @Override
  protected void forwardRow(double[] z, double[] a, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(z[i] - max);
    }
    // z_i - max is exact for the largest terms, which subtracting (max + log sum) at once is not.
    double logSum = Math.log(sum);
    for (int i = 0; i < n; i++) {
      a[i] = (z[i] - max) - logSum;
    }
  }

  @Override
  protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
    // The Jacobian is I - 1 softmax^T, and softmax is e^a.
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += gradA[i];
    }
    for (int i = 0; i < n; i++) {
      gradZ[i] = gradA[i] - Math.exp(a[i]) * sum;
    }
  }
}
