package io.dendrite.core.train;

import io.dendrite.core.nn.Network;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a training run.
 *
 * @param plan what was trained
 * @param epochs one result per completed epoch
 * @param test the evaluation on the test examples, if the experiment has them
 * @param network the trained network
 */
public record TrainingResult(
    TrainingPlan plan, List<EpochResult> epochs, Optional<Evaluation> test, Network network) {
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }
}
