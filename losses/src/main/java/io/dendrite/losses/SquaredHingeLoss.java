package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Squared hinge loss over every value, as Keras's {@code SquaredHinge}.
 *
 * <p>{@code sum max(1 - y o, 0)^2} for targets {@code y} of -1 or 1, divided by the number of
 * values for the mean; gradient {@code -2 y max(1 - y o, 0)}. Targets are read as by {@link
 * HingeLoss}: a row of 0/1 targets means -1/1. Unlike the hinge, its gradient is continuous, and it
 * punishes large margin violations more.
 */
public final class SquaredHingeLoss extends RowwiseLoss {
  /** Registers the loss as {@code squared_hinge}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "squared_hinge",
                  "max(1 - y o, 0)² for -1/1 targets (0/1 are mapped), as Keras's SquaredHinge")
              .params(Reduction.PARAM),
          p -> new SquaredHingeLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  SquaredHingeLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    boolean zeroOne = HingeLoss.isZeroOne(target, n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double y = zeroOne ? 2 * target[i] - 1 : target[i];
      double margin = Math.max(1 - y * output[i], 0);
      sum += margin * margin;
      if (grad != null) {
        grad[i] = -2 * y * margin;
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
