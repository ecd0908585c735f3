package io.dendrite.losses;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * One minus the cosine similarity of each output row with its target row, averaged over rows.
 *
 * <p>As {@code 1 - F.cosine_similarity(o, t, dim=1, eps)} in PyTorch. Only the direction of the
 * output counts, not its length: for embeddings and other targets whose scale does not matter. The
 * loss of a row lies in [0, 2]. As in PyTorch, each norm is clamped at {@code eps} before dividing,
 * so a zero row gives a finite loss of 1. Where an output's norm is below {@code eps} the gradient
 * is that of the clamped value ({@code -t / (eps |t|)}); PyTorch's differs there because its clamp
 * is outside autograd, and the two meet at the zero row.
 */
public final class CosineSimilarityLoss extends RowwiseLoss {
  static final Param<Double> EPS =
      Param.number("eps", 1e-8, "smallest norm divided by, as F.cosine_similarity's eps")
          .greaterThan(0);

  /** Registers the loss as {@code cosine_similarity}. */
  public static final class Plugin extends LossPlugin.Base {
    public Plugin() {
      super(
          declare(
                  "cosine_similarity",
                  "1 - cosine similarity of each output row with its target row"
                      + " (as 1 - torch.nn.functional.cosine_similarity)")
              .params(Reduction.PARAM, EPS),
          p -> new CosineSimilarityLoss(Reduction.of(p.get(Reduction.PARAM)), p.get(EPS)));
    }
  }

  private final double eps;

  CosineSimilarityLoss(Reduction reduction, double eps) {
    super(reduction);
    this.eps = eps;
  }

  @Override
  protected double row(double[] output, double[] target, double[] grad, int n) {
    double dot = 0;
    double outputSquares = 0;
    double targetSquares = 0;
    for (int i = 0; i < n; i++) {
      dot += output[i] * target[i];
      outputSquares += output[i] * output[i];
      targetSquares += target[i] * target[i];
    }
    double outputNorm = Math.sqrt(outputSquares);
    double a = Math.max(outputNorm, eps);
    double b = Math.max(Math.sqrt(targetSquares), eps);
    double cos = dot / (a * b);
    if (grad != null) {
      // d cos / d o = t / (a b) - cos o / |o|^2 while |o| > eps; the clamped a is constant below.
      double radial = outputNorm > eps ? cos / (outputNorm * outputNorm) : 0;
      for (int i = 0; i < n; i++) {
        grad[i] = radial * output[i] - target[i] / (a * b);
      }
    }
    return 1 - cos;
  }
}
