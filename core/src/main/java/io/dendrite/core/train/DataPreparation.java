package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.DataSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.support.SharedDatasetContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads an experiment's data, splits it and preprocesses it, from the run's seeded streams alone:
 * training, a resumed run and {@code dendrite evaluate} all see the same examples.
 */
final class DataPreparation {
  private DataPreparation() {}

  static PreparedData prepare(
      Experiment experiment,
      ComponentFactory components,
      Path folder,
      Path cacheFolder,
      RunStreams streams) {
    DataSpec data = experiment.data();
    SharedDatasetContext trainContext =
        SharedDatasetContext.first(streams.data().split(), folder, cacheFolder);
    Examples loaded = load(components, data.train(), "data.train", trainContext);
    Optional<Examples> test =
        data.test()
            .map(
                spec ->
                    load(components, spec, "data.test", trainContext.next(streams.data().split())));
    if (test.isPresent() && data.testSplit() > 0) {
      throw DendriteException.configAt(
          "data.test_split",
          "the experiment has a test set (data.test) and a test_split: keep one of them");
    }
    Examples all = loaded;
    if (data.testSplit() > 0) {
      Examples[] parts =
          DataSplit.split(
              loaded, data.testSplit(), data.stratified(), streams.testSplit(), "data.test_split");
      all = parts[0];
      test = Optional.of(parts[1]);
    }
    Examples everything = all;
    test.ifPresent(t -> requireCompatible(everything, t));
    Examples[] split =
        DataSplit.split(
            all,
            data.validationSplit(),
            data.stratified(),
            streams.validationSplit(),
            "data.validation_split");
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
    return new PreparedData(
        train,
        validation,
        test,
        all.featureCount(),
        train.featureCount(),
        all.classNames(),
        fitted);
  }

  /** {@code spec} with what its preprocessor fitted as parameter values. */
  private static ComponentSpec withFitted(ComponentSpec spec, Map<String, Object> fitted) {
    if (fitted.isEmpty()) {
      return spec;
    }
    Map<String, Object> values = new LinkedHashMap<>(spec.params().values());
    values.putAll(fitted);
    return new ComponentSpec(
        spec.kind(), spec.id(), Params.resolve(spec.params().declared(), values), spec.settings());
  }

  private static Examples load(
      ComponentFactory components, ComponentSpec spec, String path, SharedDatasetContext context) {
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
}
