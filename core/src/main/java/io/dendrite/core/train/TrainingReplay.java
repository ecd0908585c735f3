package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A training run that happens elsewhere, on workers, played to this process's listeners as its
 * events arrive: the same calls a local run makes, with a network here that holds the workers'
 * weights after every epoch. The run directory, metrics and model are so written by the code that
 * writes a local run's.
 *
 * <p>The data are prepared here as the workers prepare them (same seed, same examples), so that the
 * plan and the result carry them, and the network is built to the same shape.
 */
public final class TrainingReplay {
  private final TrainingListener listener;
  private final PreparedData data;
  private final Network network;
  private final Optimizer optimizer;
  private final TrainingPlan plan;
  private final TrainingContext context;
  private final List<EpochResult> epochs = new ArrayList<>();
  private Optional<Evaluation> test = Optional.empty();
  private TrainingCheckpoint latest;

  /**
   * Prepares {@code experiment}'s data and network with {@code trainer}'s plugins and tells {@code
   * listener} that training starts.
   */
  public TrainingReplay(
      Experiment experiment,
      ExperimentTrainer trainer,
      ComponentFactory components,
      Kernels kernels,
      TrainingListener listener) {
    this(experiment, trainer, components, kernels, listener, Optional.empty());
  }

  /**
   * As {@link #TrainingReplay(Experiment, ExperimentTrainer, ComponentFactory, Kernels,
   * TrainingListener)}, continuing from {@code resume} when present: the network holds its weights,
   * the epochs it measured count as played, and {@code listener} hears {@link
   * TrainingListener#onResume}.
   */
  public TrainingReplay(
      Experiment experiment,
      ExperimentTrainer trainer,
      ComponentFactory components,
      Kernels kernels,
      TrainingListener listener,
      Optional<TrainingCheckpoint> resume) {
    this.listener = listener;
    this.data = trainer.prepareData(experiment);
    int batchSize = experiment.training().batchSize();
    RunStreams streams = RunStreams.of(experiment.seed());
    this.network =
        Network.build(
            experiment.layers(),
            data.featureCount(),
            batchSize,
            false,
            components,
            kernels,
            streams.layers());
    network.initialize(streams.initialization());
    this.optimizer = components.create(experiment.optimizer(), Optimizer.class);
    int stepsPerEpoch = (data.train().size() + batchSize - 1) / batchSize;
    this.plan =
        new TrainingPlan(
            data.train().size(),
            data.validation().map(e -> e.size()).orElse(0),
            data.test().map(e -> e.size()).orElse(0),
            data.featureCount(),
            network.outputSize(),
            network.parameterCount(),
            experiment.training().epochs(),
            stepsPerEpoch,
            data.classNames(),
            data.preprocessing());
    this.context = new TrainingContext(network, optimizer, stepsPerEpoch);
    // The workers send a checkpoint before each epoch they end: the run's checkpoint writer takes
    // it as a local run's.
    context.checkpointsFrom(
        () -> {
          if (latest == null || latest.epoch() != context.epoch()) {
            throw new IllegalStateException(
                "the workers sent no checkpoint for epoch " + context.epoch());
          }
          return latest;
        });
    listener.onStart(context, plan);
    if (resume.isPresent()) {
      TrainingCheckpoint cp = resume.get();
      setTensors(cp.network());
      optimizer.setLearningRate(cp.learningRate());
      epochs.addAll(cp.epochs());
      context.resumeAt(cp.epoch(), cp.globalStep());
      cp.stopReason().ifPresent(context::requestStop);
      latest = cp;
      listener.onResume(context, cp.epochs());
    }
  }

  /**
   * The state of the workers at the end of the epoch they send next, for the run's checkpoints:
   * {@link TrainingContext#checkpoint()} gives it in {@link TrainingListener#onEpoch}.
   */
  public void checkpoint(TrainingCheckpoint checkpoint) {
    latest = checkpoint;
  }

  private void setTensors(Map<String, Matrix> tensors) {
    Map<String, Matrix> mine = network.tensors();
    if (!mine.keySet().equals(tensors.keySet())) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "the checkpoint holds tensors "
              + tensors.keySet()
              + " for a network of "
              + mine.keySet());
    }
    tensors.forEach((name, m) -> mine.get(name).copyFrom(m));
  }

  /** What the workers will train: the replay's data and shapes. */
  public TrainingPlan plan() {
    return plan;
  }

  /** The network here, with the weights of the last epoch played. */
  public Network network() {
    return network;
  }

  /** A step the workers took, with the loss of its whole batch. */
  public void step(int epoch, double loss) {
    if (epoch != context.epoch()) {
      context.startEpoch(epoch);
    }
    context.startStep();
    listener.onStep(context, loss);
  }

  /**
   * An epoch the workers finished, with their weights then (tensor name to values, every tensor of
   * the network) and the learning rate of its last step.
   */
  public void epoch(EpochResult result, Map<String, float[]> tensors) {
    Map<String, Matrix> mine = network.tensors();
    if (!mine.keySet().equals(tensors.keySet())) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "the workers sent tensors " + tensors.keySet() + " for a network of " + mine.keySet());
    }
    mine.forEach(
        (name, m) -> {
          float[] values = tensors.get(name);
          if (values.length != m.size()) {
            throw new DendriteException(
                DendriteException.Kind.RUNTIME,
                "the workers sent " + values.length + " values for " + name + " of " + m.size());
          }
          for (int i = 0; i < values.length; i++) {
            m.set(i, values[i]);
          }
        });
    if (result.epoch() != context.epoch()) {
      context.startEpoch(result.epoch());
    }
    optimizer.setLearningRate(result.learningRate());
    epochs.add(result);
    listener.onEpoch(context, result);
  }

  /** The workers stopped training early, for {@code reason}. */
  public void stopped(String reason) {
    context.requestStop(reason);
  }

  /** The workers' evaluation on the test examples. */
  public void test(Evaluation evaluation) {
    test = Optional.of(evaluation);
    listener.onTest(context, evaluation);
  }

  /** What the run produced, as a local run returns it. */
  public TrainingResult result() {
    return new TrainingResult(plan, epochs, test, network, context.stopReason(), data);
  }
}
