package io.dendrite.core.train;

import io.dendrite.core.tensor.Matrix;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run needs to continue after an epoch exactly as if it had not stopped: weights and
 * buffers, optimizer and schedule state, every random stream, the epoch's example order, the
 * guards' and early stopping's memory, and the epochs measured so far.
 *
 * <p>Taken at the end of an epoch ({@link TrainingContext#checkpoint()}); a run resumed from it
 * ({@link ExperimentTrainer#resume}) ends with the same bits as one that never stopped.
 *
 * @param epoch epochs completed
 * @param globalStep optimizer steps taken
 * @param network every tensor of the network, by name (copies)
 * @param optimizer the optimizer's {@link io.dendrite.core.spi.Optimizer#state()}
 * @param learningRate the optimizer's learning rate
 * @param schedule the schedule's state, empty without one
 * @param streams the state of each random stream still in use, by name ({@code shuffle}, {@code
 *     layers.0})
 * @param order the order of the training examples the last epoch used (the next shuffles it)
 * @param lossBaseline the divergence guard's baseline, NaN before the first step
 * @param earlyStopping early stopping's memory, if the run has early stopping
 * @param epochs the measurements of every epoch so far
 * @param stopReason why training was asked to stop, if it was
 */
public record TrainingCheckpoint(
    int epoch,
    long globalStep,
    Map<String, Matrix> network,
    Map<String, Matrix> optimizer,
    double learningRate,
    Map<String, Matrix> schedule,
    Map<String, long[]> streams,
    int[] order,
    double lossBaseline,
    Optional<EarlyStoppingState> earlyStopping,
    List<EpochResult> epochs,
    Optional<String> stopReason) {
  public TrainingCheckpoint {
    network = Map.copyOf(network);
    optimizer = Map.copyOf(optimizer);
    schedule = Map.copyOf(schedule);
    streams = Map.copyOf(streams);
    epochs = List.copyOf(epochs);
  }

  /**
   * What early stopping remembers.
   *
   * @param best the best monitored value, NaN before any
   * @param bestEpoch the epoch it was measured at
   * @param epochsWithout epochs without improvement since
   * @param bestTensors the network's tensors at the best epoch, when restoring them at the end
   */
  public record EarlyStoppingState(
      double best, int bestEpoch, int epochsWithout, Map<String, Matrix> bestTensors) {
    public EarlyStoppingState {
      bestTensors = Map.copyOf(bestTensors);
    }
  }
}
