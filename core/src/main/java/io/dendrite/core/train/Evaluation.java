package io.dendrite.core.train;

import java.util.Map;

/**
 * The loss and metrics of a network on a set of examples.
 *
 * @param metrics metric id to value, in the order the experiment lists them
 */
public record Evaluation(double loss, Map<String, Double> metrics, int examples) {
  public Evaluation {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }
}
