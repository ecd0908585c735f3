package io.dendrite.core.train;

import io.dendrite.core.data.Examples;
import io.dendrite.core.spi.ComponentSpec;
import java.util.List;
import java.util.Optional;

/**
 * The examples of a run, split and preprocessed as its experiment says: what training, evaluation
 * and a model's use start from.
 *
 * @param train the examples gradients are computed on
 * @param validation the examples held out to validate after each epoch, if any
 * @param test the examples evaluated once at the end, if any
 * @param rawFeatureCount features per example as the datasets give them, before preprocessing
 * @param featureCount features per example, after preprocessing
 * @param classNames the data's class names; empty for regression
 * @param preprocessing the preprocessing steps with what they fitted, as parameter values
 */
public record PreparedData(
    Examples train,
    Optional<Examples> validation,
    Optional<Examples> test,
    int rawFeatureCount,
    int featureCount,
    List<String> classNames,
    List<ComponentSpec> preprocessing) {
  public PreparedData {
    classNames = List.copyOf(classNames);
    preprocessing = List.copyOf(preprocessing);
  }

  /** Values per example the network must give: the class count, or the regression targets. */
  public int targetCount() {
    return train.targetCount();
  }
}
