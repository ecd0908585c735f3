package io.dendrite.core.spi.support;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;

/**
 * Base for losses that are a sum of per-row terms, reduced by a mean or a sum: define one row's
 * loss and gradient in doubles, and both precisions follow.
 *
 * <p>{@link #row} returns the row's plain loss and gradient; this class divides both by the mean's
 * divisor ({@link #meanDivisor}: the row count by default, every value for an element-wise loss
 * such as PyTorch's {@code MSELoss}), or by nothing for {@link Reduction#SUM}.
 */
public abstract class RowwiseLoss implements Loss {
  private final Reduction reduction;
  private double[] out = new double[0];
  private double[] target = new double[0];
  private double[] grad = new double[0];

  /** A loss reduced by its mean. */
  protected RowwiseLoss() {
    this(Reduction.MEAN);
  }

  /** A loss reduced as {@code reduction} says: by its mean or its sum. */
  protected RowwiseLoss(Reduction reduction) {
    this.reduction = reduction;
  }

  /**
   * Returns the loss of one row and, when {@code grad} is not null, writes its gradient with
   * respect to {@code output[0..n)}.
   */
  protected abstract double row(double[] output, double[] target, double[] grad, int n);

  /**
   * What the mean divides the sum of the rows' losses by: {@code rows} (the mean over examples), or
   * {@code rows * cols} for a loss that is a mean over every value.
   */
  protected double meanDivisor(int rows, int cols) {
    return rows;
  }

  /** How this loss reduces. */
  protected final Reduction reduction() {
    return reduction;
  }

  @Override
  public double evaluate(Matrix output, Matrix targets, Matrix gradOutput) {
    output.requireSameShape(targets);
    int rows = output.rows();
    int n = output.cols();
    if (out.length < n) {
      out = new double[n];
      target = new double[n];
      grad = new double[n];
    }
    double divisor = reduction == Reduction.SUM ? 1 : meanDivisor(rows, n);
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      RowwiseActivation.read(output, r, out);
      RowwiseActivation.read(targets, r, target);
      sum += row(out, target, gradOutput == null ? null : grad, n);
      if (gradOutput != null) {
        for (int i = 0; i < n; i++) {
          grad[i] /= divisor;
        }
        RowwiseActivation.write(grad, gradOutput, r);
      }
    }
    return rows == 0 ? 0.0 : sum / divisor;
  }
}
