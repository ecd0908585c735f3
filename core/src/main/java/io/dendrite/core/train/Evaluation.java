package io.dendrite.core.train;

import io.dendrite.core.spi.MetricValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss and metrics of a network on a set of examples.
 *
 * @param metrics metric name (its id unless renamed) to result, in the order the experiment lists
 *     them
 */
public record Evaluation(double loss, Map<String, MetricValue> metrics, int examples) {
  public Evaluation {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The headline value of the metric called {@code name}, or NaN when there is none. */
  public double metric(String name) {
    MetricValue v = metrics.get(name);
    return v == null ? Double.NaN : v.value();
  }
}
