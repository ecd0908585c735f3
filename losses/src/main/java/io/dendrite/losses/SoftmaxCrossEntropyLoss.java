package io.dendrite.losses;

import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Cross-entropy of {@code softmax(z)}, computed from the logits {@code z}.
 *
 * <p>The mean over rows of {@code sum_k t_k (logsumexp(z) - z_k)}, as PyTorch's {@code
 * CrossEntropyLoss} with probability targets. It is also {@code nll} after {@code log_softmax},
 * which is the same function of the logits.
 *
 * <p>Log-sum-exp is taken after subtracting the row maximum, so every exponent is at most 0 and
 * nothing overflows or takes {@code log(0)}: logits of ±1e4 give exact, finite results. The
 * gradient {@code softmax(z) * sum(t) - t} (that is {@code softmax(z) - t} for targets that sum to
 * 1) is the product of the softmax Jacobian with the cross-entropy gradient, simplified by hand.
 * Label smoothing replaces {@code t} by {@code (1 - ε) t + ε / K} throughout.
 */
final class SoftmaxCrossEntropyLoss extends RowwiseLoss {
  private final double labelSmoothing;
  // exp(z_k - max) of the current row, for the gradient: exp is most of this loss's time, and the
  // same argument gives the same bits, so computing it once changes nothing else.
  private double[] exps = new double[0];

  SoftmaxCrossEntropyLoss(Reduction reduction, double labelSmoothing) {
    super(reduction);
    this.labelSmoothing = labelSmoothing;
  }

  /** The target {@code t} of one of {@code n} classes after label smoothing {@code epsilon}. */
  static double smoothed(double t, double epsilon, int n) {
    // t itself, bit for bit, when epsilon is 0: the default keeps its former results exactly.
    return epsilon == 0 ? t : (1 - epsilon) * t + epsilon / n;
  }

  // Without label smoothing this is, operation for operation, the computation training runs have
  // always used: keep it so, or their results change in the last bits.
  @Override
  protected double row(double[] logits, double[] target, double[] grad, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, logits[k]);
    }
    if (exps.length < n) {
      exps = new double[n];
    }
    double sumExp = 0;
    for (int k = 0; k < n; k++) {
      exps[k] = Math.exp(logits[k] - max);
      sumExp += exps[k];
    }
    double logSumExp = Math.log(sumExp);
    double loss = 0;
    double targetSum = 0;
    for (int k = 0; k < n; k++) {
      double t = smoothed(target[k], labelSmoothing, n);
      targetSum += t;
      if (t != 0) {
        // -log softmax(z)_k, kept as a difference of small numbers for large logits.
        loss += t * ((max - logits[k]) + logSumExp);
      }
    }
    if (grad != null) {
      for (int k = 0; k < n; k++) {
        grad[k] = exps[k] / sumExp * targetSum - smoothed(target[k], labelSmoothing, n);
      }
    }
    return loss;
  }
}
