package io.dendrite.core.train;

import io.dendrite.core.nn.Network;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a training run.
 *
 * @param plan what was trained
 * @param epochs one result per epoch trained (the last may be cut short by a stop)
 * @param test the evaluation on the test examples, if the experiment has them
 * @param network the trained network
 * @param stopReason why training stopped before its last epoch, if it did
 * @param data the examples the run trained, validated and tested on (for reports)
 */
public record TrainingResult(
    TrainingPlan plan,
    List<EpochResult> epochs,
    Optional<Evaluation> test,
    Network network,
    Optional<String> stopReason,
    PreparedData data) {
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }
}
