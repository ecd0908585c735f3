package io.dendrite.core.spi.support;

import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;

/**
 * Base for losses that are a mean over rows of a per-row loss: define one row's loss and gradient
 * in doubles, and both precisions follow.
 *
 * <p>The gradient of the mean is the row gradient divided by the row count; this class does the
 * division, so {@link #row} returns the plain per-row gradient.
 */
public abstract class RowwiseLoss implements Loss {
  private double[] out = new double[0];
  private double[] target = new double[0];
  private double[] grad = new double[0];

  /**
   * Returns the loss of one row and, when {@code grad} is not null, writes its gradient with
   * respect to {@code output[0..n)}.
   */
  protected abstract double row(double[] output, double[] target, double[] grad, int n);

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
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      RowwiseActivation.read(output, r, out);
      RowwiseActivation.read(targets, r, target);
      sum += row(out, target, gradOutput == null ? null : grad, n);
      if (gradOutput != null) {
        for (int i = 0; i < n; i++) {
          grad[i] /= rows;
        }
        RowwiseActivation.write(grad, gradOutput, r);
      }
    }
    return rows == 0 ? 0.0 : sum / rows;
  }
}
