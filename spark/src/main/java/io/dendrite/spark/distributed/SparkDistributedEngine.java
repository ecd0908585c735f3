package io.dendrite.spark.distributed;

import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.runner.distributed.DistributedEngine;
import io.dendrite.runner.distributed.DistributedSetup;

/** {@code training.distributed: {engine: spark}}: workers as Spark barrier tasks. */
public final class SparkDistributedEngine implements DistributedEngine {
  @Override
  public String id() {
    return "spark";
  }

  @Override
  public ExperimentTraining training(DistributedSetup setup) {
    return new SparkDistributedTraining(setup);
  }
}
