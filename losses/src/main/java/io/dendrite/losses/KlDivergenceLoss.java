package io.dendrite.losses;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossInput;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Kullback-Leibler divergence of probability targets from log-probabilities, as {@code KLDivLoss}.
 *
 * <p>{@code sum_k t_k (log t_k - x_k)} for log-probabilities {@code x}, gradient {@code -t}. Like
 * PyTorch's, the input is <em>log</em>-probabilities (what {@code log_softmax} gives) and the
 * targets are probabilities. The mean is over rows, which is PyTorch's {@code
 * reduction='batchmean'} (the true KL divergence per example), not its {@code 'mean'} over every
 * value; {@code sum} is PyTorch's {@code 'sum'}. Terms whose target is 0 are 0, whatever the input,
 * where PyTorch gives NaN for an input of {@code -inf}. After {@code log_softmax} the trainer uses
 * the fused form ({@link #fusedWith}): the entropy term plus the softmax cross-entropy of the
 * logits, exact for logits of ±1e4.
 */
public final class KlDivergenceLoss extends RowwiseLoss {
  /** Registers the loss as {@code kl_divergence}. */
  public static final class Plugin extends LossPlugin.Base {
    @Override
    public LossInput input(Params params) {
      return LossInput.of(Outputs.LOG_CLASS_PROBABILITIES);
    }

    public Plugin() {
      super(
          declare(
                  "kl_divergence",
                  "KL divergence of probability targets from log-probabilities (as"
                      + " torch.nn.KLDivLoss, batchmean); fused with a final log_softmax")
              .params(Reduction.PARAM),
          p -> new KlDivergenceLoss(Reduction.of(p.get(Reduction.PARAM)), false));
    }
  }

  /** The cross-entropy of the logits in the fused form; null in the plain form. */
  private final SoftmaxCrossEntropyLoss logitCrossEntropy;

  KlDivergenceLoss(Reduction reduction, boolean fused) {
    super(reduction);
    this.logitCrossEntropy = fused ? new SoftmaxCrossEntropyLoss(reduction, 0) : null;
  }

  @Override
  protected double row(double[] input, double[] target, double[] grad, int n) {
    if (logitCrossEntropy != null) {
      // KL(t, softmax z) = sum t log t + cross-entropy(t, softmax z); the first has no gradient.
      return targetNegEntropy(target, n) + logitCrossEntropy.row(input, target, grad, n);
    }
    double loss = 0;
    for (int k = 0; k < n; k++) {
      double t = target[k];
      if (t != 0) {
        loss += t * (Math.log(t) - input[k]);
      }
      if (grad != null) {
        grad[k] = -t;
      }
    }
    return loss;
  }

  private static double targetNegEntropy(double[] target, int n) {
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double t = target[k];
      if (t != 0) {
        sum += t * Math.log(t);
      }
    }
    return sum;
  }

  /** After {@code log_softmax}: the same divergence, computed from the logits. */
  @Override
  public Loss fusedWith(ComponentSpec activation) {
    return logitCrossEntropy == null && "log_softmax".equals(activation.id())
        ? new KlDivergenceLoss(reduction(), true)
        : null;
  }
}
