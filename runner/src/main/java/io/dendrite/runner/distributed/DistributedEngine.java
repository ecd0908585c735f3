package io.dendrite.runner.distributed;

import io.dendrite.core.train.ExperimentTraining;

/**
 * Trains an experiment on several workers ({@code training.distributed: {engine: id}}). Found with
 * {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.dendrite.runner.distributed.DistributedEngine} file), so that an engine's
 * dependencies are only on the class path of those who install it.
 *
 * <p>The training it gives plays the workers' run to this process's listeners ({@link
 * io.dendrite.core.train.TrainingReplay}): the run directory is written as for a local run.
 */
public interface DistributedEngine {
  /** The engine's name in {@code training.distributed.engine}. */
  String id();

  /** The training of the run {@code setup} describes. */
  ExperimentTraining training(DistributedSetup setup);
}
