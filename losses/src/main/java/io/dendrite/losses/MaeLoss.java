package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Mean absolute error (L1) over every value, as PyTorch's {@code L1Loss}.
 *
 * <p>{@code sum |o - t|}, divided by the number of values for the mean. The gradient is {@code
 * sign(o - t)}, 0 where the output equals the target (as PyTorch). Less swayed by outliers than
 * {@code mse}, but its gradient does not shrink near the optimum.
 */
public final class MaeLoss extends RowwiseLoss {
  /** Registers the loss as {@code mae}, also known as {@code l1}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("mae", "mean absolute error over all values, for regression (as torch.nn.L1Loss)")
              .aliases("l1")
              .params(Reduction.PARAM),
          p -> new MaeLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  MaeLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = output[i] - target[i];
      sum += Math.abs(d);
      if (grad != null) {
        grad[i] = Math.signum(d);
      }
    }
    return sum;
  }

  /** Every value, as PyTorch's {@code L1Loss}. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }
}
