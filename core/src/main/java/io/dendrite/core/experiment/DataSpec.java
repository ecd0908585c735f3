package io.dendrite.core.experiment;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import java.util.List;
import java.util.Optional;

/**
 * The {@code data} section: training examples, optional test examples, and how many training
 * examples are held out for validation.
 */
public record DataSpec(Params params) {
  public static final Param<ComponentSpec> TRAIN =
      PluginKind.DATASET.param("train", null, "the examples to train on");
  public static final Param<ComponentSpec> TEST =
      PluginKind.DATASET
          .param("test", null, "examples to evaluate the trained network on, once, at the end")
          .optional();
  public static final Param<Double> VALIDATION_SPLIT =
      Param.number(
              "validation_split",
              0.0,
              "fraction of the training examples held out to validate after each epoch")
          .atLeast(0)
          .lessThan(1);

  public static final Param<Double> TEST_SPLIT =
      Param.number(
              "test_split",
              0.0,
              "fraction of the training examples held out as the test set, when there is no test")
          .atLeast(0)
          .lessThan(1);
  public static final Param<Boolean> STRATIFIED =
      Param.bool(
          "stratified",
          false,
          "split by class, so each split keeps the classes' proportions (classification only)");
  public static final Param<List<ComponentSpec>> PREPROCESS =
      Param.list(
          "preprocess",
          PluginKind.PREPROCESSOR.type(),
          List.of(),
          "steps applied to every set in order, fitted on the training split only");

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS =
      List.of(TRAIN, TEST, VALIDATION_SPLIT, TEST_SPLIT, STRATIFIED, PREPROCESS);

  public ComponentSpec train() {
    return params.get(TRAIN);
  }

  public Optional<ComponentSpec> test() {
    return params.has(TEST) ? Optional.of(params.get(TEST)) : Optional.empty();
  }

  public double validationSplit() {
    return params.get(VALIDATION_SPLIT);
  }

  public double testSplit() {
    return params.get(TEST_SPLIT);
  }

  public boolean stratified() {
    return params.get(STRATIFIED);
  }

  /** The preprocessing steps, in order. */
  public List<ComponentSpec> preprocess() {
    return params.get(PREPROCESS);
  }
}
