package io.dendrite.losses;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossInput;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Categorical cross-entropy of probability rows against one-hot or probability targets.
 *
 * <p>The mean over rows of {@code -sum_k t_k log p_k}, as PyTorch's {@code CrossEntropyLoss} with
 * probability targets. With {@code label_smoothing} ε the targets become {@code (1 - ε) t + ε / K}
 * for {@code K} classes, as PyTorch's.
 *
 * <p>After {@code softmax} the trainer uses {@link #fusedWith} instead, which works from the logits
 * and is exact everywhere. This plain form only sees probabilities, which may be 0 after float32
 * rounding, so it clamps them to at least {@link #MIN_PROBABILITY} (as Keras does): the loss of a
 * row is then at most about 16, and its gradient at most {@code 1e7} in size. Where the clamp
 * applies the gradient is kept at {@code -t_k / MIN_PROBABILITY} rather than the clamped function's
 * 0, so that a confidently wrong prediction still learns.
 */
public final class CrossEntropyLoss extends RowwiseLoss {
  static final Param<Double> LABEL_SMOOTHING =
      Param.number(
              "label_smoothing",
              0.0,
              "ε: the targets become (1 - ε) t + ε / classes, as PyTorch's label_smoothing")
          .atLeast(0)
          .atMost(1);

  /** Registers the loss as {@code cross_entropy}. */
  public static final class Plugin extends LossPlugin.Base {
    @Override
    public LossInput input(Params params) {
      return LossInput.of(Outputs.CLASS_PROBABILITIES);
    }

    public Plugin() {
      super(
          declare(
                  "cross_entropy",
                  "categorical cross-entropy against one-hot or probability targets;"
                      + " fused with a final softmax")
              .params(Reduction.PARAM, LABEL_SMOOTHING),
          p -> new CrossEntropyLoss(Reduction.of(p.get(Reduction.PARAM)), p.get(LABEL_SMOOTHING)));
    }
  }

  /** The smallest probability the logarithm sees. */
  public static final double MIN_PROBABILITY = 1e-7;

  private final double labelSmoothing;

  CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
    super(reduction);
    this.labelSmoothing = labelSmoothing;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int k = 0; k < n; k++) {
      double t = SoftmaxCrossEntropyLoss.smoothed(target[k], labelSmoothing, n);
      if (t == 0) {
        // Also avoids 0 * log(0) for the many zeros of a one-hot row.
        if (grad != null) {
          grad[k] = 0;
        }
        continue;
      }
      double p = Math.max(output[k], MIN_PROBABILITY);
      loss -= t * Math.log(p);
      if (grad != null) {
        grad[k] = -t / p;
      }
    }
    return loss;
  }

  /** After {@code softmax}: {@link SoftmaxCrossEntropyLoss}, computed from the logits. */
  @Override
  public Loss fusedWith(ComponentSpec activation) {
    return "softmax".equals(activation.id())
        ? new SoftmaxCrossEntropyLoss(reduction(), labelSmoothing)
        : null;
  }
}
