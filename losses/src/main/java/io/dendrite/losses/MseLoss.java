package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Mean squared error over every value, as PyTorch's {@code MSELoss}.
 *
 * <p>{@code sum (o - t)^2}, divided for the mean by the number of values ({@code rows * cols}), not
 * by the rows: the value does not grow with the output width, and learning rates carry over from
 * PyTorch.
 */
public final class MseLoss extends RowwiseLoss {
  /** Registers the loss as {@code mse}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("mse", "mean squared error over all values, for regression (as torch.nn.MSELoss)")
              .params(Reduction.PARAM),
          p -> new MseLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  MseLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = output[i] - target[i];
      sum += d * d;
      if (grad != null) {
        grad[i] = 2 * d;
      }
    }
    return sum;
  }

  /** Every value: PyTorch's {@code MSELoss} averages over elements. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }
}
