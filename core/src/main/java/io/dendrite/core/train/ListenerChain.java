package io.dendrite.core.train;

import java.util.List;

/** Passes every training event to several listeners, in order. */
public final class ListenerChain implements TrainingListener {
  // An array, so that the per-step loop allocates no iterator.
  private final TrainingListener[] listeners;

  public ListenerChain(List<TrainingListener> listeners) {
    this.listeners = listeners.toArray(new TrainingListener[0]);
  }

  @Override
  public void onStart(TrainingContext context, TrainingPlan plan) {
    for (TrainingListener l : listeners) {
      l.onStart(context, plan);
    }
  }

  @Override
  public void onResume(TrainingContext context, java.util.List<EpochResult> done) {
    for (TrainingListener l : listeners) {
      l.onResume(context, done);
    }
  }

  @Override
  public void onStep(TrainingContext context, double loss) {
    for (TrainingListener l : listeners) {
      l.onStep(context, loss);
    }
  }

  @Override
  public void onEpoch(TrainingContext context, EpochResult result) {
    for (TrainingListener l : listeners) {
      l.onEpoch(context, result);
    }
  }

  @Override
  public void onTest(TrainingContext context, Evaluation test) {
    for (TrainingListener l : listeners) {
      l.onTest(context, test);
    }
  }
}
