package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Mean squared error over every value of the batch, as PyTorch's {@code MSELoss} (reduction {@code
 * mean}) computes it: {@code sum (o - t)^2 / (rows * cols)}.
 *
 * <p>That is the mean over rows of each row's mean over columns, so it fits {@link RowwiseLoss}
 * with a row loss already divided by the width; the result does not grow with the output width, and
 * learning rates carry over from PyTorch.
 */
public final class MseLoss extends RowwiseLoss {
  /** Registers the loss as {@code mse}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          "mse",
          "mean squared error over all values, for regression (as torch.nn.MSELoss)",
          MseLoss::new);
    }
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = output[i] - target[i];
      sum += d * d;
      if (grad != null) {
        grad[i] = 2 * d / n;
      }
    }
    return sum / n;
  }
}
