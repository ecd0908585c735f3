package io.dendrite.metrics;

import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;

/**
 * The mean of an error of {@code output - target} over every value of every column: what {@code
 * mae}, {@code mse} and {@code rmse} share. Smaller is better.
 */
abstract class MeanErrorMetric implements Metric {
  private final CompensatedSum sum = new CompensatedSum();
  private long count;

  /** The error of one value, from {@code output - target}. */
  abstract double error(double difference);

  /** The headline from the mean error; the mean itself unless overridden. */
  double headline(double mean) {
    return mean;
  }

  @Override
  public void reset() {
    sum.reset();
    count = 0;
  }

  @Override
  public void update(Matrix output, Matrix targets) {
    output.requireSameShape(targets);
    int n = output.size();
    for (int i = 0; i < n; i++) {
      sum.add(error(output.get(i) - targets.get(i)));
    }
    count += n;
  }

  @Override
  public MetricValue result() {
    return MetricValue.of(count == 0 ? Double.NaN : headline(sum.value() / count));
  }

  @Override
  public Goal goal() {
    return Goal.MINIMIZE;
  }
}
