package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Focal loss (Lin et al., 2017) of probability rows: {@code -sum t (1 - p)^gamma log p}, which
 * weighs down the examples the network already gets right. {@code gamma = 0} is cross-entropy.
 */
public final class FocalLoss extends RowwiseLoss {
  static final Param<Double> GAMMA =
      Param.number("gamma", 2.0, "focusing exponent; 0 gives cross-entropy").atLeast(0);

  /** Probabilities are clamped here so that a confident wrong answer stays finite. */
  private static final double SMALLEST = 1e-12;

  /** Registers the loss as {@code focal}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare("focal", "focal loss of probability rows, -t (1 - p)^gamma log p")
              .params(GAMMA, Reduction.PARAM),
          params -> new FocalLoss(params.get(GAMMA), Reduction.of(params.get(Reduction.PARAM))));
    }
  }

  private final double gamma;

  FocalLoss(double gamma, Reduction reduction) {
    super(reduction);
    this.gamma = gamma;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double p = Math.max(output[i], SMALLEST);
      double q = Math.max(1 - p, 0);
      double log = Math.log(p);
      double weight = Math.pow(q, gamma);
      loss -= target[i] * weight * log;
      if (grad != null) {
        // d/dp of -(1 - p)^gamma log p; the first term is 0 at p = 1, where q^(gamma - 1) may not
        // be.
        double dWeight = q > 0 ? gamma * Math.pow(q, gamma - 1) * log : 0;
        grad[i] = output[i] < SMALLEST ? 0 : target[i] * (dWeight - weight / p);
      }
    }
    return loss;
  }
}
