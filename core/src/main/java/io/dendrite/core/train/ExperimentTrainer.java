package io.dendrite.core.train;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.ComponentFactory;

/**
 * Runs an experiment: loads its data, builds its network, trains it and evaluates it.
 *
 * <p>Configuration problems found only once data is loaded (a last layer whose width does not
 * match the targets) are thrown as {@link io.dendrite.core.DendriteException#configAt} with the
 * path of the field, e.g. {@code model.layers[2].units}; bad data as kind DATA.
 */
public final class ExperimentTrainer {
  private final ComponentFactory components;

  public ExperimentTrainer(ComponentFactory components) {
    this.components = components;
  }

  /** Trains and evaluates {@code experiment}, reporting progress to {@code listener}. */
  public TrainingResult run(Experiment experiment, TrainingListener listener) {
    throw new UnsupportedOperationException("being written " + components + experiment + listener);
  }
}
