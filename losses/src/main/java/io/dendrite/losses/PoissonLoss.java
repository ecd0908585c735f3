package io.dendrite.losses;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.LossInput;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.Reduction;
import io.dendrite.core.spi.support.RowwiseLoss;

/**
 * Poisson negative log-likelihood of counts given rates, as PyTorch's {@code PoissonNLLLoss}.
 *
 * <p>With {@code log_input=False}: {@code sum (o - t log(o + eps))} for rates {@code o} and counts
 * {@code t}, divided by the number of values for the mean; gradient {@code 1 - t / (o + eps)}.
 *
 * <p>The outputs are rates, so they must not be negative: follow a {@code relu}, {@code softplus}
 * or {@code exp}-like activation. {@code eps} keeps a rate of 0 finite (the loss of a count at rate
 * 0 is {@code -t log(eps)}, about {@code 18.4 t}). The term {@code log(t!)} that PyTorch's {@code
 * full} adds is left out, as by PyTorch's default: it does not depend on the outputs.
 */
public final class PoissonLoss extends RowwiseLoss {
  static final Param<Double> EPS =
      Param.number("eps", 1e-8, "added to the rate inside the logarithm, as PyTorch's eps")
          .greaterThan(0);

  /** Registers the loss as {@code poisson}. */
  public static final class Plugin extends LossPlugin.Base {
    @Override
    public LossInput input(Params params) {
      return LossInput.of(Outputs.NON_NEGATIVE);
    }

    public Plugin() {
      super(
          declare(
                  "poisson",
                  "Poisson negative log-likelihood of counts given rates"
                      + " (as torch.nn.PoissonNLLLoss with log_input=False)")
              .params(Reduction.PARAM, EPS),
          p -> new PoissonLoss(Reduction.of(p.get(Reduction.PARAM)), p.get(EPS)));
    }
  }

  private final double eps;

  PoissonLoss(Reduction reduction, double eps) {
    super(reduction);
    this.eps = eps;
  }

  @Override
  protected double row(double[] rates, double[] target, double[] grad, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double o = rates[i];
      double t = target[i];
      sum += o - t * Math.log(o + eps);
      if (grad != null) {
        grad[i] = 1 - t / (o + eps);
      }
    }
    return sum;
  }

  /** Every value, as PyTorch's {@code PoissonNLLLoss}. */
  @Override
  protected double meanDivisor(int rows, int cols) {
    return (double) rows * cols;
  }
}
