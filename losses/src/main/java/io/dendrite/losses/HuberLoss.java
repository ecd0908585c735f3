package io.dendrite.losses;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Huber loss over every value, as PyTorch's {@code HuberLoss}.
 *
 * <p>{@code 0.5 d^2} where {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}, for {@code d
 * = o - t}, divided by the number of values for the mean. Quadratic near the target and linear
 * beyond {@code delta}, so outliers pull with a bounded gradient ({@code ±delta}). With {@code
 * delta} 1 it equals PyTorch's {@code SmoothL1Loss}.
 */
public final class HuberLoss extends RowwiseLoss {
  static final Param<Double> DELTA =
      Param.number("delta", 1.0, "where the loss turns from quadratic to linear, as PyTorch's")
          .greaterThan(0);

  /** Registers the loss as {@code huber}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("huber", "quadratic near the target, linear beyond delta (as torch.nn.HuberLoss)")
              .params(Reduction.PARAM, DELTA),
          p -> new HuberLoss(Reduction.of(p.get(Reduction.PARAM)), p.get(DELTA)));
    }
  }

  private final double delta;

  HuberLoss(Reduction reduction, double delta) {
    super(reduction);
    this.delta = delta;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = output[i] - target[i];
      double a = Math.abs(d);
      // The same comparisons as PyTorch's forward (|d| < delta) and backward (d <= -delta).
      sum += a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
      if (grad != null) {
        grad[i] = d <= -delta ? -delta : d >= delta ? delta : d;
      }
    }
    return sum;
  }

  /** Every value, as PyTorch's {@code HuberLoss}. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }
}
