package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an experiment: loads its data, builds its network, trains it and evaluates it; or continues
 * one from a checkpoint ({@link #resume}), with the same bits as if it had never stopped.
 *
 * <p>Configuration problems found only once data is loaded (a last layer whose width does not match
 * the targets) are thrown as {@link DendriteException#configAt} with the path of the field, e.g.
 * {@code model.layers[2].units}; bad data as kind DATA.
 *
 * <p>Every random choice comes from the run's {@link RunStreams}, one per purpose, so adding
 * randomness to one part of a run does not change the others.
 *
 * <p>An instance holds nothing of a run: the same trainer can run many experiments, one after the
 * other or at once, each on the kernels it was given.
 */
public final class ExperimentTrainer implements ExperimentTraining {
  private final ComponentFactory components;
  private final Kernels kernels;
  private final Path folder;
  private final Path cacheFolder;

  /**
   * @param kernels the numeric kernels, on the run's own threads
   * @param folder the experiment file's folder, for datasets
   * @param cacheFolder the user's cache of downloaded data sets
   */
  public ExperimentTrainer(
      ComponentFactory components, Kernels kernels, Path folder, Path cacheFolder) {
    this.components = components;
    this.kernels = kernels;
    this.folder = folder;
    this.cacheFolder = cacheFolder;
  }

  /** The examples {@code experiment} trains and is tested on, split and preprocessed. */
  public PreparedData prepareData(Experiment experiment) {
    return DataPreparation.prepare(
        experiment, components, folder, cacheFolder, RunStreams.of(experiment.seed()));
  }

  /**
   * What a run of {@code experiment} would be, without training: its data is prepared and its
   * network built as a run does, and its optimizer takes one step of zero gradients on a copy so
   * that the state it keeps is measured whatever plugin it is.
   */
  public RunPlan plan(Experiment experiment) {
    RunStreams streams = RunStreams.of(experiment.seed());
    PreparedData data =
        DataPreparation.prepare(experiment, components, folder, cacheFolder, streams);
    int batchSize = experiment.training().batchSize();
    Network network =
        Network.build(
            experiment.layers(),
            data.featureCount(),
            batchSize,
            false,
            components,
            kernels,
            streams.layers());
    requireOutputWidth(experiment, network, data);
    List<RunPlan.Layer> layers = new ArrayList<>();
    long batchValues = (long) batchSize * data.featureCount();
    for (int i = 0; i < network.layers().size(); i++) {
      io.dendrite.core.spi.Layer layer = network.layers().get(i);
      ComponentSpec activation = layer.activation();
      long parameters = layer.parameters().stream().mapToLong(p -> p.value().size()).sum();
      layers.add(
          new RunPlan.Layer(
              "layers." + i,
              experiment.layers().get(i).id(),
              activation == null ? "" : activation.id(),
              layer.outputSize(),
              parameters));
      // Its output and the gradient flowing back, twice more when an activation follows.
      batchValues += (long) batchSize * layer.outputSize() * (activation == null ? 2 : 4);
    }
    long weightValues = network.tensors().values().stream().mapToLong(Matrix::size).sum();
    Optimizer optimizer = components.create(experiment.optimizer(), Optimizer.class);
    optimizer.step(network.parameters());
    long stateValues = optimizer.state().values().stream().mapToLong(Matrix::size).sum();
    return new RunPlan(
        data.featureCount(),
        layers,
        data.train().size(),
        data.validation().map(Examples::size).orElse(0),
        data.test().map(Examples::size).orElse(0),
        batchSize,
        experiment.training().epochs(),
        weightValues * Float.BYTES,
        stateValues * Float.BYTES,
        batchValues * Float.BYTES);
  }

  /**
   * The loss and metrics of {@code experiment} for {@code network} on {@code data}, in training's
   * batches: for a saved model, the numbers its run reported, bit for bit.
   */
  public Evaluation evaluate(Experiment experiment, Network network, Examples data) {
    Loss loss = components.create(experiment.loss(), Loss.class);
    return new Evaluator(
            network,
            new LossEvaluator(loss, network.outputActivation()),
            metrics(experiment.metrics()),
            experiment.training().batchSize())
        .evaluate(data);
  }

  /**
   * Trains and evaluates {@code experiment}, reporting to {@code listener}, with {@code processors}
   * between computing and applying every step's gradients.
   */
  @Override
  public TrainingResult run(
      Experiment experiment, TrainingListener listener, List<GradientProcessor> processors) {
    return train(experiment, listener, processors, Optional.empty());
  }

  /**
   * Continues {@code experiment} from {@code checkpoint}, taken at the end of one of its epochs by
   * the same experiment: the rest of the run gives the bits the uninterrupted run gives.
   */
  @Override
  public TrainingResult resume(
      Experiment experiment,
      TrainingCheckpoint checkpoint,
      TrainingListener listener,
      List<GradientProcessor> processors) {
    return train(experiment, listener, processors, Optional.of(checkpoint));
  }

  private TrainingResult train(
      Experiment experiment,
      TrainingListener listener,
      List<GradientProcessor> processors,
      Optional<TrainingCheckpoint> resume) {
    RunStreams streams = RunStreams.of(experiment.seed());
    PreparedData data =
        DataPreparation.prepare(experiment, components, folder, cacheFolder, streams);

    int batchSize = experiment.training().batchSize();
    Network network =
        Network.build(
            experiment.layers(),
            data.featureCount(),
            batchSize,
            false,
            components,
            kernels,
            streams.layers());
    requireOutputWidth(experiment, network, data);
    network.initialize(streams.initialization());

    Loss loss = components.create(experiment.loss(), Loss.class);
    LossEvaluator lossEvaluator = new LossEvaluator(loss, network.outputActivation());
    Optimizer optimizer = components.create(experiment.optimizer(), Optimizer.class);
    List<GradientProcessor> stepProcessors = new ArrayList<>();
    List<TrainingListener> listeners = new ArrayList<>();
    Optional<ScheduledLearningRate> schedule =
        experiment
            .schedule()
            .map(
                spec ->
                    new ScheduledLearningRate(
                        components.create(spec, Schedule.class), optimizer.learningRate()));
    // First among the processors: the rate is set before anything else sees the step.
    schedule.ifPresent(stepProcessors::add);
    schedule.ifPresent(listeners::add);
    Map<String, Metric> trainMetrics = metrics(experiment.metrics());
    Map<String, Metric.Goal> goals = new LinkedHashMap<>();
    trainMetrics.forEach((name, m) -> goals.put(name, m.goal()));
    TrainingControls controls =
        new TrainingControls(experiment.training(), goals, data.validation().isPresent());
    stepProcessors.addAll(controls.processors);
    stepProcessors.addAll(processors);
    listeners.addAll(controls.listeners);
    listeners.add(listener);
    TrainingListener everyone = new ListenerChain(listeners);
    Trainer trainer =
        new Trainer(
            network,
            lossEvaluator,
            optimizer,
            trainMetrics,
            metrics(experiment.metrics()),
            batchSize,
            stepProcessors);
    experiment.training().maxLoss().ifPresent(trainer::setMaxLoss);

    TrainingPlan plan =
        new TrainingPlan(
            data.train().size(),
            data.validation().map(e -> e.size()).orElse(0),
            data.test().map(e -> e.size()).orElse(0),
            data.featureCount(),
            network.outputSize(),
            network.parameterCount(),
            experiment.training().epochs(),
            trainer.stepsPerEpoch(data.train().size()),
            data.classNames(),
            data.preprocessing());
    TrainingContext context = trainer.context(data.train().size());
    Rng shuffle = experiment.training().shuffle() ? streams.shuffle() : null;
    context.checkpointsFrom(
        () -> capture(context, trainer, optimizer, schedule, controls, streams, network));
    everyone.onStart(context, plan);

    int[] order = identity(data.train().size());
    List<EpochResult> done = List.of();
    if (resume.isPresent()) {
      TrainingCheckpoint cp = resume.get();
      restore(cp, network, optimizer, schedule, controls, streams, trainer, data);
      order = cp.order().clone();
      done = cp.epochs();
      context.resumeAt(cp.epoch(), cp.globalStep());
      cp.stopReason().ifPresent(context::requestStop);
      everyone.onResume(context, done);
    }
    List<EpochResult> epochs =
        trainer.fit(
            data.train(),
            data.validation(),
            experiment.training().epochs(),
            shuffle,
            everyone,
            order,
            done);
    int lastEpoch = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
    controls.earlyStopping.ifPresent(e -> e.restore(context, lastEpoch));
    Optional<Evaluation> testResult = data.test().map(trainer::evaluate);
    testResult.ifPresent(t -> everyone.onTest(context, t));
    return new TrainingResult(plan, epochs, testResult, network, context.stopReason(), data);
  }

  private static TrainingCheckpoint capture(
      TrainingContext context,
      Trainer trainer,
      Optimizer optimizer,
      Optional<ScheduledLearningRate> schedule,
      TrainingControls controls,
      RunStreams streams,
      Network network) {
    Map<String, Matrix> tensors = new LinkedHashMap<>();
    network.tensors().forEach((name, m) -> tensors.put(name, m.copy()));
    Map<String, long[]> rngs = new LinkedHashMap<>();
    rngs.put("shuffle", streams.shuffle().state());
    network.streams().forEach((name, rng) -> rngs.put(name, rng.state()));
    List<EpochResult> epochs = trainer.epochsSoFar();
    return new TrainingCheckpoint(
        epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch(),
        context.globalStep(),
        tensors,
        optimizer.state(),
        optimizer.learningRate(),
        schedule.map(s -> s.schedule().state()).orElse(Map.of()),
        rngs,
        trainer.order().clone(),
        trainer.guard().baseline(),
        controls.earlyStopping.map(EarlyStopping::state),
        epochs,
        context.stopReason());
  }

  private static void restore(
      TrainingCheckpoint cp,
      Network network,
      Optimizer optimizer,
      Optional<ScheduledLearningRate> schedule,
      TrainingControls controls,
      RunStreams streams,
      Trainer trainer,
      PreparedData data) {
    Map<String, Matrix> tensors = network.tensors();
    if (!tensors.keySet().equals(cp.network().keySet())) {
      throw DendriteException.data(
          "the checkpoint holds tensors "
              + cp.network().keySet()
              + " but the experiment's network has "
              + tensors.keySet()
              + ": it belongs to another experiment");
    }
    tensors.forEach((name, m) -> m.copyFrom(cp.network().get(name)));
    optimizer.restoreState(cp.optimizer());
    optimizer.setLearningRate(cp.learningRate());
    schedule.ifPresent(s -> s.schedule().restoreState(cp.schedule()));
    restoreStream(streams.shuffle(), cp, "shuffle");
    network.streams().forEach((name, rng) -> restoreStream(rng, cp, name));
    if (cp.order().length != data.train().size()) {
      throw DendriteException.data(
          "the checkpoint's example order has "
              + cp.order().length
              + " examples but the data has "
              + data.train().size()
              + ": the data changed since it was taken");
    }
    trainer.guard().restoreBaseline(cp.lossBaseline());
    controls.earlyStopping.ifPresent(e -> cp.earlyStopping().ifPresent(e::restore));
  }

  private static void restoreStream(Rng rng, TrainingCheckpoint cp, String name) {
    long[] state = cp.streams().get(name);
    if (state == null) {
      throw DendriteException.data("the checkpoint has no state for the random stream " + name);
    }
    rng.restore(state);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static void requireOutputWidth(
      Experiment experiment, Network network, PreparedData data) {
    if (network.outputSize() == data.targetCount()) {
      return;
    }
    int last = experiment.layers().size() - 1;
    ComponentSpec spec = experiment.layers().get(last);
    boolean hasUnits = spec.params().values().containsKey("units");
    String what =
        data.classNames().isEmpty()
            ? data.targetCount() + " target values"
            : data.targetCount() + " classes";
    throw DendriteException.configAt(
        "model.layers[" + last + "]" + (hasUnits ? ".units" : ""),
        "the last layer has "
            + network.outputSize()
            + " outputs but the data has "
            + what
            + (hasUnits ? "; set units: " + data.targetCount() : ""));
  }

  private Map<String, Metric> metrics(List<ComponentSpec> specs) {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (ComponentSpec spec : specs) {
      metrics.put(spec.name(), components.create(spec, Metric.class));
    }
    return metrics;
  }
}
