package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.nn.Network;
import io.dendrite.core.nn.Parameter;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a network by mini-batch gradient descent: epochs of shuffled batches, each a forward pass,
 * the loss, a backward pass and an optimizer step.
 *
 * <p>All buffers are made once, for the largest batch, so a step allocates nothing. Batches are
 * drawn in an order given by a seeded {@link Rng}, so the same seed gives the same run. Training
 * stops at the first non-finite loss or gradient, before the optimizer applies it.
 */
public final class Trainer {
  private final Network network;
  private final LossEvaluator loss;
  private final Optimizer optimizer;
  private final List<Parameter> parameters;
  private final Map<String, Metric> trainMetrics;
  private final Map<String, Metric> evalMetrics;
  // The same metrics as arrays: the per-step loops must not allocate iterators.
  private final Metric[] trainMetricArray;
  private final Metric[] evalMetricArray;
  private final int batchSize;
  private final Matrix x;
  private final Matrix y;
  private final Matrix grad;

  /**
   * @param trainMetrics metric id to instance, updated during training
   * @param evalMetrics metric id to instance (other instances), for evaluations
   */
  public Trainer(
      Network network,
      LossEvaluator loss,
      Optimizer optimizer,
      Map<String, Metric> trainMetrics,
      Map<String, Metric> evalMetrics,
      int batchSize) {
    this.network = network;
    this.loss = loss;
    this.optimizer = optimizer;
    this.parameters = network.parameters();
    this.trainMetrics = new LinkedHashMap<>(trainMetrics);
    this.evalMetrics = new LinkedHashMap<>(evalMetrics);
    this.trainMetricArray = this.trainMetrics.values().toArray(new Metric[0]);
    this.evalMetricArray = this.evalMetrics.values().toArray(new Metric[0]);
    this.batchSize = batchSize;
    this.x = Matrix.floats(batchSize, network.inputSize());
    this.y = Matrix.floats(batchSize, network.outputSize());
    this.grad = Matrix.floats(batchSize, network.outputSize());
  }

  /** Optimizer steps in one epoch over {@code examples}. */
  public int stepsPerEpoch(int examples) {
    return (examples + batchSize - 1) / batchSize;
  }

  /**
   * One pass over {@code data} in the order {@code order} (shuffled in place when {@code rng} is
   * not null); returns the mean training loss and metrics.
   */
  public Evaluation trainEpoch(
      int epoch, Examples data, int[] order, Rng rng, TrainingListener listener) {
    if (rng != null) {
      rng.shuffle(order);
    }
    trainMetrics.values().forEach(Metric::reset);
    int steps = stepsPerEpoch(order.length);
    double lossSum = 0;
    for (int step = 0; step < steps; step++) {
      int from = step * batchSize;
      int rows = Math.min(batchSize, order.length - from);
      gather(data, order, from, rows);
      Matrix out = network.forward(x, true);
      double value = loss.backward(network, out, y, grad);
      if (!Double.isFinite(value)) {
        throw diverged(epoch, step + 1, "the loss is " + value);
      }
      for (int i = 0; i < parameters.size(); i++) {
        Parameter p = parameters.get(i);
        if (!p.gradient().allFinite()) {
          throw diverged(epoch, step + 1, "the gradient of " + p.name() + " is not finite");
        }
      }
      optimizer.step(parameters);
      lossSum += value * rows;
      for (Metric m : trainMetricArray) {
        m.update(out, y);
      }
      listener.onBatch(epoch, step + 1, steps, value);
    }
    return new Evaluation(lossSum / order.length, values(trainMetrics), order.length);
  }

  private static DendriteException diverged(int epoch, int step, String what) {
    return new DendriteException(
        DendriteException.Kind.RUNTIME,
        "training diverged at epoch "
            + epoch
            + ", step "
            + step
            + ": "
            + what
            + "; try a smaller learning_rate");
  }

  /** The loss and metrics of the network on every example of {@code data}, in batches. */
  public Evaluation evaluate(Examples data) {
    evalMetrics.values().forEach(Metric::reset);
    double lossSum = 0;
    int n = data.size();
    int[] all = new int[Math.min(batchSize, n)];
    for (int from = 0; from < n; from += batchSize) {
      int rows = Math.min(batchSize, n - from);
      for (int i = 0; i < rows; i++) {
        all[i] = from + i;
      }
      gather(data, all, 0, rows);
      Matrix out = network.forward(x, false);
      lossSum += loss.value(network, out, y) * rows;
      for (Metric m : evalMetricArray) {
        m.update(out, y);
      }
    }
    return new Evaluation(n == 0 ? Double.NaN : lossSum / n, values(evalMetrics), n);
  }

  private void gather(Examples data, int[] order, int from, int rows) {
    x.setRows(rows);
    y.setRows(rows);
    float[] fs = data.features().floats();
    float[] ts = data.targets().floats();
    int fc = data.featureCount();
    int tc = data.targetCount();
    for (int i = 0; i < rows; i++) {
      int r = order[from + i];
      System.arraycopy(fs, r * fc, x.floats(), i * fc, fc);
      System.arraycopy(ts, r * tc, y.floats(), i * tc, tc);
    }
  }

  private static Map<String, Double> values(Map<String, Metric> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    metrics.forEach((id, m) -> out.put(id, m.value()));
    return out;
  }

  /** Runs {@code epochs} epochs, validating after each when {@code validation} is present. */
  public List<EpochResult> fit(
      Examples train,
      Optional<Examples> validation,
      int epochs,
      Rng shuffle,
      TrainingListener listener) {
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<EpochResult> results = new java.util.ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      Evaluation t = trainEpoch(epoch, train, order, shuffle, listener);
      Optional<Evaluation> v = validation.map(this::evaluate);
      EpochResult r = new EpochResult(epoch, t, v, (System.nanoTime() - start) / 1e9);
      results.add(r);
      listener.onEpoch(r);
    }
    return results;
  }
}
