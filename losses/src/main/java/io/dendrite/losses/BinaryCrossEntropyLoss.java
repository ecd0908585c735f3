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
 * Binary cross-entropy of independent probabilities or logits, as PyTorch's {@code BCELoss}.
 *
 * <p>{@code -sum (t log p + (1 - t) log(1 - p))} against 0/1 (or soft) targets, divided by the
 * number of values for the mean. For one sigmoid output per example (two classes), or several for
 * multi-label targets. Like PyTorch, each logarithm is clamped at {@code -100} and the gradient's
 * denominator {@code p (1 - p)} at {@code 1e-12}, so predictions of exactly 0 or 1 give finite
 * values.
 *
 * <p>With {@code from_logits} the outputs are logits {@code z}, as PyTorch's {@code
 * BCEWithLogitsLoss}: {@code sum (max(z, 0) - z t + log(1 + e^-|z|))}, gradient {@code sigmoid(z) -
 * t}. {@code e^-|z|} is at most 1, so nothing overflows, and the loss of a confident wrong answer
 * grows like {@code |z|} instead of being clamped. After a final {@code sigmoid} the trainer uses
 * that form on the sigmoid's input ({@link #fusedWith}).
 */
public final class BinaryCrossEntropyLoss extends RowwiseLoss {
  static final Param<Boolean> FROM_LOGITS =
      Param.bool(
          "from_logits",
          false,
          "the outputs are logits, not probabilities: computed as torch.nn.BCEWithLogitsLoss");

  /** Registers the loss as {@code binary_cross_entropy}. */
  public static final class Plugin extends LossPlugin.Base {
    @Override
    public LossInput input(Params params) {
      return params.get(FROM_LOGITS)
          ? LossInput.ANY
          : LossInput.of(Outputs.PROBABILITIES, FROM_LOGITS.name() + ": true");
    }

    public Plugin() {
      super(
          declare(
                  "binary_cross_entropy",
                  "binary cross-entropy of independent 0/1 targets (as torch.nn.BCELoss);"
                      + " fused with a final sigmoid")
              .params(Reduction.PARAM, FROM_LOGITS),
          p ->
              new BinaryCrossEntropyLoss(Reduction.of(p.get(Reduction.PARAM)), p.get(FROM_LOGITS)));
    }
  }

  private static final double MIN_LOG = -100;
  private static final double MIN_DENOMINATOR = 1e-12;

  private final boolean fromLogits;

  BinaryCrossEntropyLoss(Reduction reduction, boolean fromLogits) {
    super(reduction);
    this.fromLogits = fromLogits;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    return fromLogits ? logitRow(output, target, grad, n) : probabilityRow(output, target, grad, n);
  }

  private static double probabilityRow(double[] output, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double p = output[i];
      double t = target[i];
      double logP = Math.max(Math.log(p), MIN_LOG);
      double log1mP = Math.max(Math.log1p(-p), MIN_LOG);
      loss -= t * logP + (1 - t) * log1mP;
      if (grad != null) {
        grad[i] = (p - t) / Math.max(p * (1 - p), MIN_DENOMINATOR);
      }
    }
    return loss;
  }

  private static double logitRow(double[] logits, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double z = logits[i];
      double t = target[i];
      double e = Math.exp(-Math.abs(z));
      loss += Math.max(z, 0) - z * t + Math.log1p(e);
      if (grad != null) {
        double sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        grad[i] = sigmoid - t;
      }
    }
    return loss;
  }

  /** Every value, as PyTorch's {@code BCELoss}. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }

  /** After {@code sigmoid}: the {@code from_logits} form on the sigmoid's input. */
  @Override
  public Loss fusedWith(ComponentSpec activation) {
    return !fromLogits && "sigmoid".equals(activation.id())
        ? new BinaryCrossEntropyLoss(reduction(), true)
        : null;
  }
}
