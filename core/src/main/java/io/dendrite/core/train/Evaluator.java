package io.dendrite.core.train;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.nn.Network;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures a network's loss and metrics on a set of examples, in batches, in evaluation mode (no
 * dropout, batch norm's running statistics).
 *
 * <p>With the batch size of training, it gives the numbers training reported, bit for bit: a model
 * file evaluated again says what its run said.
 */
public final class Evaluator {
  private final Network network;
  private final LossEvaluator loss;
  private final Map<String, Metric> metrics;
  private final Metric[] metricArray;
  private final int batchSize;
  private final Matrix x;
  private final Matrix y;

  /**
   * @param metrics metric name to instance, used by this evaluator only
   */
  public Evaluator(
      Network network, LossEvaluator loss, Map<String, Metric> metrics, int batchSize) {
    this.network = network;
    this.loss = loss;
    this.metrics = new LinkedHashMap<>(metrics);
    this.metricArray = this.metrics.values().toArray(new Metric[0]);
    this.batchSize = batchSize;
    this.x = Matrix.floats(batchSize, network.inputSize());
    this.y = Matrix.floats(batchSize, network.outputSize());
  }

  /** The loss and metrics of the network on every example of {@code data}, in file order. */
  public Evaluation evaluate(Examples data) {
    for (Metric m : metricArray) {
      m.reset();
    }
    double lossSum = 0;
    int n = data.size();
    Features features = data.features();
    float[] ts = data.targets().floats();
    int fc = data.featureCount();
    int tc = data.targetCount();
    for (int from = 0; from < n; from += batchSize) {
      int rows = Math.min(batchSize, n - from);
      x.setRows(rows);
      y.setRows(rows);
      for (int i = 0; i < rows; i++) {
        features.copyRow(from + i, x.floats(), i * fc);
      }
      System.arraycopy(ts, from * tc, y.floats(), 0, rows * tc);
      Matrix out = network.forward(x, false);
      lossSum += loss.value(network, out, y) * rows;
      for (Metric m : metricArray) {
        m.update(out, y);
      }
    }
    Map<String, MetricValue> results = new LinkedHashMap<>();
    metrics.forEach((name, m) -> results.put(name, m.result()));
    return new Evaluation(n == 0 ? Double.NaN : lossSum / n, results, n);
  }
}
