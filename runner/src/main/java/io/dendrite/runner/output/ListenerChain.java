package io.dendrite.runner.output;

import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingPlan;
import java.util.List;

/** Passes every training event to several listeners, in order. */
public final class ListenerChain implements TrainingListener {
  private final List<TrainingListener> listeners;

  public ListenerChain(List<TrainingListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onStart(TrainingPlan plan) {
    listeners.forEach(l -> l.onStart(plan));
  }

  @Override
  public void onBatch(int epoch, int step, int steps, double loss) {
    for (TrainingListener l : listeners) {
      l.onBatch(epoch, step, steps, loss);
    }
  }

  @Override
  public void onEpoch(EpochResult result) {
    listeners.forEach(l -> l.onEpoch(result));
  }

  @Override
  public void onTest(Evaluation test) {
    listeners.forEach(l -> l.onTest(test));
  }
}
