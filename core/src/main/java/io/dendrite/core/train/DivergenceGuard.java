package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * Stops a run that diverges: at the first non-finite loss (before the optimizer applies the step)
 * or gradient (found by the optimizer as it applies the step, which may be left partly applied),
 * and at a loss that explodes while still finite (above {@value #GROWTH} times the mean of the
 * first {@value #BASELINE_STEPS} steps' losses, or above a configured maximum).
 *
 * <p>The message names the epoch, the step and what went wrong, and suggests what to change.
 */
final class DivergenceGuard {
  /** How many times the first step's loss counts as an explosion. */
  static final double GROWTH = 1e4;

  private double maxLoss = Double.POSITIVE_INFINITY;
  private double baseline = Double.NaN;

  void setMaxLoss(double max) {
    maxLoss = max;
  }

  /** The first step's loss, NaN before it. */
  double baseline() {
    return baseline;
  }

  void restoreBaseline(double value) {
    baseline = value;
  }

  void checkLoss(TrainingContext ctx, double loss) {
    if (!Double.isFinite(loss)) {
      throw diverged(ctx, "the loss is " + loss);
    }
    if (loss > maxLoss) {
      throw diverged(
          ctx,
          String.format(
              Locale.ROOT, "the loss is %.4g, above training.max_loss %.4g", loss, maxLoss));
    }
    if (Double.isNaN(baseline)) {
      baseline = loss;
      return;
    }
    if (baseline > 0 && loss > GROWTH * baseline) {
      throw diverged(
          ctx,
          String.format(
              Locale.ROOT,
              "the loss is %.4g, more than %.0f times the first step's %.4g",
              loss,
              GROWTH,
              baseline));
    }
  }

  /**
   * Stops the run when {@code nonFinite}, the result of {@link
   * io.dendrite.core.spi.Optimizer#stepIfFinite}, names a parameter whose gradient is not finite.
   */
  void checkUpdate(TrainingContext ctx, List<Parameter> parameters, int nonFinite) {
    if (nonFinite >= 0) {
      throw diverged(ctx, "the gradient of " + parameters.get(nonFinite).name() + " is not finite");
    }
  }

  private static DendriteException diverged(TrainingContext ctx, String what) {
    return new DendriteException(
        DendriteException.Kind.RUNTIME,
        String.format(
            Locale.ROOT,
            "training diverged at epoch %d, step %d: %s; try a smaller learning_rate (it is %.4g),"
                + " gradient clipping (training.clip: {norm: 1.0}), or inputs scaled to about"
                + " [-1, 1]",
            ctx.epoch(),
            ctx.step(),
            what,
            ctx.learningRate()));
  }
}
