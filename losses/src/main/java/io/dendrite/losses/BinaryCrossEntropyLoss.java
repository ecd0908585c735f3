package io.dendrite.losses;

import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Binary cross-entropy of independent probabilities against 0/1 (or soft) targets, averaged over
 * every value of the batch, as PyTorch's {@code BCELoss}: {@code -mean(t log p + (1 - t) log(1 -
 * p))}.
 *
 * <p>For one sigmoid output per example (two classes), or several for multi-label targets. Like
 * PyTorch, each logarithm is clamped at {@code -100} and the gradient's denominator {@code p (1 -
 * p)} at {@code 1e-12}, so predictions of exactly 0 or 1 give finite values. After {@code sigmoid}
 * the trainer uses {@link SigmoidBinaryCrossEntropyLoss} instead, which is exact everywhere.
 */
public final class BinaryCrossEntropyLoss extends RowwiseLoss {
  /** Registers the loss as {@code binary_cross_entropy}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          "binary_cross_entropy",
          "binary cross-entropy of independent 0/1 targets (as torch.nn.BCELoss);"
              + " fused with a final sigmoid",
          BinaryCrossEntropyLoss::new);
    }
  }

  private static final double MIN_LOG = -100;
  private static final double MIN_DENOMINATOR = 1e-12;

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double p = output[i];
      double t = target[i];
      double logP = Math.max(Math.log(p), MIN_LOG);
      double log1mP = Math.max(Math.log1p(-p), MIN_LOG);
      loss -= t * logP + (1 - t) * log1mP;
      if (grad != null) {
        grad[i] = (p - t) / Math.max(p * (1 - p), MIN_DENOMINATOR) / n;
      }
    }
    return loss / n;
  }

  /** After {@code sigmoid}: {@link SigmoidBinaryCrossEntropyLoss}, computed from the logits. */
  @Override
  public Loss fusedWith(ComponentSpec activation) {
    return "sigmoid".equals(activation.id()) ? new SigmoidBinaryCrossEntropyLoss() : null;
  }
}
