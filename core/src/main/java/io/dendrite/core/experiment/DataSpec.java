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

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS = List.of(TRAIN, TEST, VALIDATION_SPLIT);

  public ComponentSpec train() {
    return params.get(TRAIN);
  }

  public Optional<ComponentSpec> test() {
    return params.has(TEST) ? Optional.of(params.get(TEST)) : Optional.empty();
  }

  public double validationSplit() {
    return params.get(VALIDATION_SPLIT);
  }
}
