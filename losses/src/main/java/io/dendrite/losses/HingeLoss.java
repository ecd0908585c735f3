package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Hinge loss over every value, as Keras's {@code Hinge}.
 *
 * <p>{@code sum max(1 - y o, 0)} for targets {@code y} of -1 or 1, divided by the number of values
 * for the mean; gradient {@code -y} where the margin {@code 1 - y o} is positive, else 0.
 *
 * <p>A row of targets that are all 0 or 1 is read as -1/1 ({@code y = 2t - 1}), as Keras reads
 * binary labels, so one-hot rows work as they are. Keras decides that for the whole batch; this
 * loss decides per row, so that the loss of a batch stays the mean of its rows' losses. They differ
 * only for a batch that mixes 0/1 rows with rows holding other values.
 */
public final class HingeLoss extends RowwiseLoss {
  /** Registers the loss as {@code hinge}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("hinge", "max(1 - y o, 0) for -1/1 targets (0/1 are mapped), as Keras's Hinge")
              .params(Reduction.PARAM),
          p -> new HingeLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  HingeLoss(Reduction reduction) {
    super(reduction);
  }

  /** Whether every target of the row is 0 or 1, so that 0 stands for -1 (Keras's rule). */
  static boolean isZeroOne(double[] target, int n) {
    for (int i = 0; i < n; i++) {
      if (target[i] != 0 && target[i] != 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    boolean zeroOne = isZeroOne(target, n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double y = zeroOne ? 2 * target[i] - 1 : target[i];
      double margin = 1 - y * output[i];
      if (margin > 0) {
        sum += margin;
      }
      if (grad != null) {
        grad[i] = margin > 0 ? -y : 0;
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
