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
 * Negative log-likelihood of log-probability rows, as PyTorch's {@code NLLLoss}.
 *
 * <p>The mean over rows of {@code -sum_k t_k x_k}, gradient {@code -t}: {@code NLLLoss} (which
 * takes class indices) generalized to one-hot and probability targets.
 *
 * <p>Its input is log-probabilities, as {@code log_softmax} gives. Classes whose target is 0 are
 * skipped, as {@code NLLLoss} looks only at the target class, so a log-probability of {@code -inf}
 * there is harmless; at the target class it gives an infinite loss, as in PyTorch. No clamp is
 * needed: {@code log_softmax} of finite logits is finite even in float32, where {@code softmax}
 * rounds to 0. After {@code log_softmax} the trainer uses the fused form ({@link #fusedWith}),
 * which is the softmax cross-entropy of the logits.
 */
public final class NllLoss extends RowwiseLoss {
  /** Registers the loss as {@code nll}. */
  public static final class Plugin extends LossPlugin.Base {
    @Override
    public LossInput input(Params params) {
      return LossInput.of(Outputs.LOG_CLASS_PROBABILITIES);
    }

    public Plugin() {
      super(
          declare(
                  "nll",
                  "negative log-likelihood of log-probabilities (as torch.nn.NLLLoss);"
                      + " fused with a final log_softmax")
              .params(Reduction.PARAM),
          p -> new NllLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  NllLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] logProbabilities, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int k = 0; k < n; k++) {
      double t = target[k];
      if (t != 0) {
        loss -= t * logProbabilities[k];
      }
      if (grad != null) {
        grad[k] = -t;
      }
    }
    return loss;
  }

  /**
   * After {@code log_softmax}: {@link SoftmaxCrossEntropyLoss}, the same function of the logits.
   */
  @Override
  public Loss fusedWith(ComponentSpec activation) {
    return "log_softmax".equals(activation.id())
        ? new SoftmaxCrossEntropyLoss(reduction(), 0)
        : null;
  }
}
