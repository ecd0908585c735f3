package io.dendrite.core.train;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stops training when a measured value has not improved for {@code patience} epochs, and can end
 * with the weights of the best epoch, as Keras's {@code EarlyStopping}.
 *
 * <p>An epoch improves on the best when its value is better by more than {@code minDelta}. With
 * {@code restoreBest}, a copy of every tensor of the network (parameters and buffers) is kept at
 * each new best and written back when training ends, so the test is measured on it.
 */
public final class EarlyStopping implements TrainingListener {
  private final String monitor;
  private final Metric.Goal goal;
  private final int patience;
  private final double minDelta;
  private final boolean restoreBest;
  private final Map<String, Matrix> bestTensors = new LinkedHashMap<>();
  private double best = Double.NaN;
  private int bestEpoch;
  private int wait;

  public EarlyStopping(
      String monitor, Metric.Goal goal, int patience, double minDelta, boolean restoreBest) {
    this.monitor = monitor;
    this.goal = goal;
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBest = restoreBest;
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    Double value = ScheduledLearningRate.measurements(result).get(monitor);
    if (value == null || value.isNaN()) {
      return;
    }
    if (Double.isNaN(best) || improves(value)) {
      best = value;
      bestEpoch = result.epoch();
      wait = 0;
      if (restoreBest) {
        keep(context);
      }
      return;
    }
    wait++;
    if (wait >= patience) {
      context.requestStop(
          String.format(
              Locale.ROOT,
              "early stopping: %s did not improve for %d %s (best %.4f at epoch %d)%s",
              monitor,
              wait,
              wait == 1 ? "epoch" : "epochs",
              best,
              bestEpoch,
              restoreBest ? "; the weights of epoch " + bestEpoch + " are restored" : ""));
    }
  }

  private boolean improves(double value) {
    return goal == Metric.Goal.MINIMIZE ? value < best - minDelta : value > best + minDelta;
  }

  private void keep(TrainingContext context) {
    for (Map.Entry<String, Matrix> e : context.network().tensors().entrySet()) {
      Matrix copy = bestTensors.get(e.getKey());
      if (copy == null) {
        bestTensors.put(e.getKey(), e.getValue().copy());
      } else {
        copy.copyFrom(e.getValue());
      }
    }
  }

  /** Writes the best epoch's tensors back, when restoring and a later epoch was worse. */
  void restore(TrainingContext context, int lastEpoch) {
    if (!restoreBest || bestTensors.isEmpty() || bestEpoch == lastEpoch) {
      return;
    }
    context.network().tensors().forEach((name, m) -> m.copyFrom(bestTensors.get(name)));
  }

  /** What this listener remembers, for a checkpoint (copies). */
  TrainingCheckpoint.EarlyStoppingState state() {
    Map<String, Matrix> copies = new LinkedHashMap<>();
    bestTensors.forEach((name, m) -> copies.put(name, m.copy()));
    return new TrainingCheckpoint.EarlyStoppingState(best, bestEpoch, wait, copies);
  }

  /** Continues from what {@link #state()} gave. */
  void restore(TrainingCheckpoint.EarlyStoppingState state) {
    best = state.best();
    bestEpoch = state.bestEpoch();
    wait = state.epochsWithout();
    bestTensors.clear();
    state.bestTensors().forEach((name, m) -> bestTensors.put(name, m.copy()));
  }

  /** The epoch with the best value so far, 0 before any. */
  public int bestEpoch() {
    return bestEpoch;
  }
}
