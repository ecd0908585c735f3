package io.dendrite.losses;

import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Cross-entropy of {@code softmax(z)}, computed from the logits {@code z}: the mean over rows of
 * {@code sum_k t_k (logsumexp(z) - z_k)}, as PyTorch's {@code CrossEntropyLoss} with probability
 * targets.
 *
 * <p>Log-sum-exp is taken after subtracting the row maximum, so every exponent is at most 0 and
 * nothing overflows or takes {@code log(0)}: logits of ±1e4 give exact, finite results. The
 * gradient {@code softmax(z) * sum(t) - t} (that is {@code softmax(z) - t} for targets that sum to
 * 1) is the product of the softmax Jacobian with the cross-entropy gradient, simplified by hand.
 */
public final class SoftmaxCrossEntropyLoss extends RowwiseLoss {
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
        // -log softmax(z)_k, kept as a difference of small numbers for large logits.
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
