package io.dendrite.losses;

import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Categorical hinge loss of each row, as Keras's {@code CategoricalHinge}.
 *
 * <p>Per row {@code max(neg - pos + 1, 0)} with {@code pos = sum_k t_k o_k} and {@code neg = max_k
 * (1 - t_k) o_k}, averaged over rows. For one-hot targets and unnormalized scores: the score of the
 * true class must beat the best other score by a margin of 1. As in Keras, the true class takes
 * part in {@code neg} with the value 0, so the loss is 0 once the true score is above 1 and above
 * every other score plus 1. The gradient is {@code -t}, plus {@code 1 - t_j} at the first column
 * {@code j} that gives {@code neg}, where the margin is positive, and 0 elsewhere.
 */
public final class CategoricalHingeLoss extends RowwiseLoss {
  /** Registers the loss as {@code categorical_hinge}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "categorical_hinge",
                  "max(best wrong score - true score + 1, 0) for one-hot targets,"
                      + " as Keras's CategoricalHinge")
              .params(Reduction.PARAM),
          p -> new CategoricalHingeLoss(Reduction.of(p.get(Reduction.PARAM))));
    }
  }

  CategoricalHingeLoss(Reduction reduction) {
    super(reduction);
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double pos = 0;
    double neg = Double.NEGATIVE_INFINITY;
    int negAt = 0;
    for (int k = 0; k < n; k++) {
      pos += target[k] * output[k];
      double other = (1 - target[k]) * output[k];
      if (other > neg) {
        neg = other;
        negAt = k;
      }
    }
    double margin = neg - pos + 1;
    if (grad != null) {
      for (int k = 0; k < n; k++) {
        grad[k] = margin > 0 ? -target[k] : 0;
      }
      if (margin > 0) {
        grad[negAt] += 1 - target[negAt];
      }
    }
    return Math.max(margin, 0);
  }
}
