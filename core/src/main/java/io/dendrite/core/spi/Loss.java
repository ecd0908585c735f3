package io.dendrite.core.spi;

import io.dendrite.core.tensor.Matrix;

/**
 * A loss function: its value over a mini-batch and its gradient.
 *
 * <p>Targets are a matrix with the output's shape: one-hot rows for classification, values for
 * regression. The loss is the mean over rows, so the gradient is divided by the row count.
 */
public interface Loss {
  /**
   * Returns the mean loss of {@code output} against {@code targets}; when {@code gradOutput} is not
   * null, also writes {@code dLoss/dOutput} into it.
   */
  double evaluate(Matrix output, Matrix targets, Matrix gradOutput);

  /**
   * A loss that takes the <em>input</em> of the network's final {@code activation} instead of its
   * output, computed together for numerical stability (softmax with cross-entropy by log-sum-exp);
   * null when this loss has no such form. The trainer uses it whenever it is offered, without
   * knowing which pair it is.
   */
  default Loss fusedWith(ComponentSpec activation) {
    return null;
  }
}
