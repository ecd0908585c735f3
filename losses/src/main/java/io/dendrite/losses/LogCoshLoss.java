package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Log-cosh loss over every value, as Keras's {@code LogCosh}.
 *
 * <p>{@code sum log(cosh(o - t))}, divided by the number of values for the mean; gradient {@code
 * tanh(o - t)}. About {@code d^2 / 2} for small differences and {@code |d| - log 2} for large ones:
 * a smooth Huber loss. {@code cosh} overflows past 710, so the value is computed as {@code |d| +
 * log(1 + e^(-2|d|)) - log 2}, which is exact and finite for any difference.
 */
public final class LogCoshLoss extends RowwiseLoss {
  private static final double LN_2 = Math.log(2);

  /** Registers the loss as {@code log_cosh}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("log_cosh", "mean of log(cosh(o - t)), a smooth Huber loss (as Keras's LogCosh)")
              .params(Reduction.PARAM),
          p -> new LogCoshLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  LogCoshLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = output[i] - target[i];
      double a = Math.abs(d);
      sum += a + Math.log1p(Math.exp(-2 * a)) - LN_2;
      if (grad != null) {
        grad[i] = Math.tanh(d);
      }
    }
    return sum;
  }

  /** Every value, as Keras's mean over the last axis and then the batch. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }
}
