package io.dendrite.core.train;

import io.dendrite.core.nn.Network;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.tensor.Matrix;

/**
 * The experiment's loss applied to a network, fused with the output activation when the loss offers
 * that (softmax with cross-entropy), so the trainer needs no special case for any pair.
 */
public final class LossEvaluator {
  private final Loss loss;
  private final boolean fused;

  public LossEvaluator(Loss loss, ComponentSpec outputActivation) {
    Loss f = outputActivation == null ? null : loss.fusedWith(outputActivation);
    this.loss = f != null ? f : loss;
    this.fused = f != null;
  }

  /** The loss of the network's last forward pass against {@code targets}; no gradient. */
  public double value(Network network, Matrix output, Matrix targets) {
    return loss.evaluate(fused ? network.preActivationOutput() : output, targets, null);
  }

  /** The loss of the last forward pass; back-propagates its gradient through the network. */
  public double backward(Network network, Matrix output, Matrix targets, Matrix gradBuffer) {
    Matrix in = fused ? network.preActivationOutput() : output;
    Matrix grad = gradBuffer.setRows(in.rows());
    double value = loss.evaluate(in, targets, grad);
    if (fused) {
      network.backwardFromPreActivation(grad);
    } else {
      network.backward(grad);
    }
    return value;
  }

  public boolean isFused() {
    return fused;
  }
}
