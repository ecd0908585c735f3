package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.DataSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.Schedule;
import io.dendrite.core.spi.support.SharedDatasetContext;
import io.dendrite.core.tensor.Kernels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an experiment: loads its data, builds its network, trains it and evaluates it.
 *
 * <p>Configuration problems found only once data is loaded (a last layer whose width does not match
 * the targets) are thrown as {@link DendriteException#configAt} with the path of the field, e.g.
 * {@code model.layers[2].units}; bad data as kind DATA.
 *
 * <p>Every random choice comes from one seeded generator split into independent streams, one per
 * purpose, so adding randomness to one part of a run does not change the others. New streams are
 * split off after the existing ones, so that runs made before they existed keep their bits.
 *
 * <p>An instance holds nothing of a run: the same trainer can run many experiments, one after the
 * other or at once, each on the kernels it was given.
 */
public final class ExperimentTrainer {
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

  /**
   * Trains and evaluates {@code experiment}, reporting to {@code listener}, with {@code processors}
   * between computing and applying every step's gradients.
   */
  public TrainingResult run(
      Experiment experiment, TrainingListener listener, List<GradientProcessor> processors) {
    Rng root = new Rng(experiment.seed());
    Rng splitRng = root.split();
    Rng initRng = root.split();
    Rng shuffleRng = root.split();
    Rng layerRng = root.split();
    Rng dataRng = root.split();
    Rng testSplitRng = root.split();

    SharedDatasetContext trainData =
        SharedDatasetContext.first(dataRng.split(), folder, cacheFolder);
    DataSpec data = experiment.data();
    Examples loaded = load(data.train(), "data.train", trainData);
    Optional<Examples> test =
        data.test().map(spec -> load(spec, "data.test", trainData.next(dataRng.split())));
    if (test.isPresent() && data.testSplit() > 0) {
      throw DendriteException.configAt(
          "data.test_split",
          "the experiment has a test set (data.test) and a test_split: keep one of them");
    }
    Examples all = loaded;
    if (data.testSplit() > 0) {
      Examples[] parts =
          DataSplit.split(
              loaded, data.testSplit(), data.stratified(), testSplitRng, "data.test_split");
      all = parts[0];
      test = Optional.of(parts[1]);
    }
    Examples everything = all;
    test.ifPresent(t -> requireCompatible(everything, t));
    Examples[] split =
        DataSplit.split(
            all, data.validationSplit(), data.stratified(), splitRng, "data.validation_split");
    Examples train = split[0];
    Optional<Examples> validation = Optional.ofNullable(split[1]);
    List<ComponentSpec> fitted = new ArrayList<>();
    for (ComponentSpec spec : data.preprocess()) {
      Preprocessor step = components.create(spec, Preprocessor.class);
      step.fit(train);
      train = step.apply(train);
      validation = validation.map(step::apply);
      test = test.map(step::apply);
      fitted.add(withFitted(spec, step.fitted()));
    }

    int batchSize = experiment.training().batchSize();
    Network network =
        Network.build(
            experiment.layers(),
            all.featureCount(),
            batchSize,
            false,
            components,
            kernels,
            layerRng);
    requireOutputWidth(experiment, network, all);
    network.initialize(initRng);

    Loss loss = components.create(experiment.loss(), Loss.class);
    LossEvaluator lossEvaluator = new LossEvaluator(loss, network.outputActivation());
    Optimizer optimizer = components.create(experiment.optimizer(), Optimizer.class);
    List<GradientProcessor> stepProcessors = new ArrayList<>();
    List<TrainingListener> listeners = new ArrayList<>();
    if (experiment.schedule().isPresent()) {
      // First among the processors: the rate is set before anything else sees the step.
      ScheduledLearningRate schedule =
          new ScheduledLearningRate(components.create(experiment.schedule().get(), Schedule.class));
      stepProcessors.add(schedule);
      listeners.add(schedule);
    }
    Map<String, Metric> trainMetrics = metrics(experiment.metrics());
    Map<String, Metric.Goal> goals = new LinkedHashMap<>();
    trainMetrics.forEach((name, m) -> goals.put(name, m.goal()));
    TrainingControls controls =
        new TrainingControls(experiment.training(), goals, validation.isPresent());
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
            train.size(),
            validation.map(Examples::size).orElse(0),
            test.map(Examples::size).orElse(0),
            all.featureCount(),
            network.outputSize(),
            network.parameterCount(),
            experiment.training().epochs(),
            trainer.stepsPerEpoch(train.size()),
            all.classNames(),
            fitted);
    TrainingContext context = trainer.context(train.size());
    everyone.onStart(context, plan);
    List<EpochResult> epochs =
        trainer.fit(
            train,
            validation,
            experiment.training().epochs(),
            experiment.training().shuffle() ? shuffleRng : null,
            everyone);
    int lastEpoch = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
    controls.earlyStopping.ifPresent(e -> e.restore(context, lastEpoch));
    Optional<Evaluation> testResult = test.map(trainer::evaluate);
    testResult.ifPresent(t -> everyone.onTest(context, t));
    return new TrainingResult(plan, epochs, testResult, network, context.stopReason());
  }

  /** {@code spec} with what its preprocessor fitted as parameter values. */
  private static ComponentSpec withFitted(ComponentSpec spec, Map<String, Object> fitted) {
    if (fitted.isEmpty()) {
      return spec;
    }
    Map<String, Object> values = new LinkedHashMap<>(spec.params().values());
    values.putAll(fitted);
    return new ComponentSpec(
        spec.kind(),
        spec.id(),
        io.dendrite.core.param.Params.resolve(spec.params().declared(), values),
        spec.settings());
  }

  private Examples load(ComponentSpec spec, String path, SharedDatasetContext context) {
    Examples examples = components.create(spec, Dataset.class).load(context);
    if (examples.size() == 0) {
      throw DendriteException.data(examples.source() + ": the dataset " + path + " is empty");
    }
    return examples;
  }

  private static void requireCompatible(Examples train, Examples test) {
    if (train.featureCount() != test.featureCount() || train.targetCount() != test.targetCount()) {
      throw DendriteException.configAt(
          "data.test",
          "test examples have "
              + test.featureCount()
              + " features and "
              + test.targetCount()
              + " targets, training examples "
              + train.featureCount()
              + " and "
              + train.targetCount());
    }
  }

  private static void requireOutputWidth(Experiment experiment, Network network, Examples data) {
    if (network.outputSize() == data.targetCount()) {
      return;
    }
    int last = experiment.layers().size() - 1;
    ComponentSpec spec = experiment.layers().get(last);
    boolean hasUnits = spec.params().values().containsKey("units");
    String what =
        data.isClassification()
            ? data.targetCount() + " classes"
            : data.targetCount() + " target values";
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
