package io.dendrite.losses;

import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Binary cross-entropy of {@code sigmoid(z)}, computed from the logits {@code z} as PyTorch's
 * {@code BCEWithLogitsLoss} does: {@code mean(max(z, 0) - z t + log(1 + e^-|z|))}, gradient {@code
 * (sigmoid(z) - t) / count}.
 *
 * <p>{@code e^-|z|} is at most 1, so nothing overflows, and the loss of a confident wrong answer
 * grows like {@code |z|} instead of being clamped.
 */
public final class SigmoidBinaryCrossEntropyLoss extends RowwiseLoss {
  @Override
  protected double row(double[] logits, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double z = logits[i];
      double t = target[i];
      double e = Math.exp(-Math.abs(z));
      loss += Math.max(z, 0) - z * t + Math.log1p(e);
      if (grad != null) {
        double sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        grad[i] = (sigmoid - t) / n;
      }
    }
    return loss / n;
  }
}
