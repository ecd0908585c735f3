package io.dendrite.core.train;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.nn.Network;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains a network by mini-batch gradient descent: epochs of shuffled batches, each a step.
 *
 * <p>A step has two halves with a seam between them: {@link #computeGradients} (forward, loss,
 * backward), then every {@link GradientProcessor} in order (clipping, schedules, an all-reduce
 * across workers), then {@link #applyGradients} (the optimizer). Listeners see every step and epoch
 * through a {@link TrainingContext} and may stop training after any step.
 *
 * <p>All buffers are made once, for the largest batch, so a step allocates nothing. Batches are
 * drawn in an order given by a seeded {@link Rng}, so the same seed gives the same run. Training
 * stops at the first non-finite loss or gradient; the optimizer finds the latter while it applies
 * the step ({@link Optimizer#stepIfFinite}).
 */
public final class Trainer {
  /** A copied feature's cost in multiply-adds, as {@link Kernels#forRanges} counts them. */
  private static final long COPY_COST = 16;

  private final Network network;
  private final LossEvaluator loss;
  private final Optimizer optimizer;
  private final List<Parameter> parameters;
  private final Map<String, Metric> trainMetrics;
  private final Evaluator evaluator;
  // The same as arrays: the per-step loops must not allocate iterators.
  private final Metric[] trainMetricArray;
  private final GradientProcessor[] processors;
  // Data parallelism, when one of the processors is a StepExchange: the batch's combined outputs
  // and all its targets, for the metrics.
  private final StepExchange exchange;
  private final Matrix batchOutput;
  private final Matrix batchTargets;
  private final int batchSize;
  private final Matrix x;
  private final Matrix y;
  private final RowCopy rowCopy = new RowCopy();
  private final Matrix grad;
  private TrainingContext context;
  private final DivergenceGuard guard = new DivergenceGuard();
  private int[] order = new int[0];
  private List<EpochResult> epochsSoFar = List.of();

  /**
   * @param trainMetrics metric name to instance, updated during training
   * @param evalMetrics metric name to instance (other instances), for evaluations
   * @param processors run between computing and applying each step's gradients, in order
   */
  public Trainer(
      Network network,
      LossEvaluator loss,
      Optimizer optimizer,
      Map<String, Metric> trainMetrics,
      Map<String, Metric> evalMetrics,
      int batchSize,
      List<GradientProcessor> processors) {
    this.network = Objects.requireNonNull(network, "network");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    optimizer.useKernels(network.kernels());
    this.parameters = network.parameters();
    this.trainMetrics = new LinkedHashMap<>(trainMetrics);
    this.evaluator = new Evaluator(network, loss, evalMetrics, batchSize);
    this.trainMetricArray = this.trainMetrics.values().toArray(new Metric[0]);
    this.exchange =
        (StepExchange)
            processors.stream().filter(StepExchange.class::isInstance).findFirst().orElse(null);
    this.processors =
        processors.stream()
            .filter(p -> !(p instanceof StepExchange))
            .toArray(GradientProcessor[]::new);
    this.batchSize = batchSize;
    this.batchOutput = exchange == null ? null : Matrix.floats(batchSize, network.outputSize());
    this.batchTargets = exchange == null ? null : Matrix.floats(batchSize, network.outputSize());
    this.x = Matrix.floats(batchSize, network.inputSize());
    this.y = Matrix.floats(batchSize, network.outputSize());
    this.grad = Matrix.floats(batchSize, network.outputSize());
  }

  /** Optimizer steps in one epoch over {@code examples}. */
  public int stepsPerEpoch(int examples) {
    return (examples + batchSize - 1) / batchSize;
  }

  /**
   * The context listeners and processors see, made for {@code trainExamples} examples per epoch on
   * first use and kept for the run.
   */
  public TrainingContext context(int trainExamples) {
    if (context == null) {
      context = new TrainingContext(network, optimizer, stepsPerEpoch(trainExamples));
    }
    return context;
  }

  /**
   * The first half of a step: forward, loss and backward on the batch in {@link #batchInputs()} /
   * {@link #batchTargets()}, leaving every parameter's gradient set. Returns the batch's mean loss.
   */
  public double computeGradients() {
    Matrix out = network.forward(x, true);
    double value = loss.backward(network, out, y, grad);
    for (Metric m : trainMetricArray) {
      m.update(out, y);
    }
    return value;
  }

  /** The second half of a step: the optimizer updates every parameter from its gradient. */
  public void applyGradients() {
    optimizer.step(parameters);
  }

  /** The inputs of the batch in progress (rows set by the last gather). */
  public Matrix batchInputs() {
    return x;
  }

  /** The targets of the batch in progress. */
  public Matrix batchTargets() {
    return y;
  }

  /**
   * One pass over {@code data} in the order {@code order} (shuffled in place when {@code rng} is
   * not null); returns the mean training loss and metrics over the steps taken, which are fewer
   * than a whole epoch when a listener asked to stop.
   */
  public Evaluation trainEpoch(
      int epoch, Examples data, int[] order, Rng rng, TrainingListener listener) {
    TrainingContext ctx = context(order.length);
    ctx.startEpoch(epoch);
    if (rng != null) {
      rng.shuffle(order);
    }
    for (Metric m : trainMetricArray) {
      m.reset();
    }
    int steps = stepsPerEpoch(order.length);
    double lossSum = 0;
    int seen = 0;
    for (int step = 0; step < steps && !ctx.stopRequested(); step++) {
      ctx.startStep();
      int from = step * batchSize;
      int rows = Math.min(batchSize, order.length - from);
      double value =
          exchange == null
              ? computeGradients(data, order, from, rows)
              : computeShard(ctx, data, order, from, rows);
      guard.checkLoss(ctx, value);
      for (GradientProcessor p : processors) {
        p.process(ctx, parameters);
      }
      // The optimizer finds a non-finite gradient in the pass that applies it: a scan of its own
      // cost as much as a fifth of a step.
      guard.checkUpdate(ctx, parameters, optimizer.stepIfFinite(parameters));
      if (exchange != null) {
        exchange.afterUpdate(ctx, parameters);
      }
      lossSum += value * rows;
      seen += rows;
      listener.onStep(ctx, value);
    }
    return new Evaluation(seen == 0 ? Double.NaN : lossSum / seen, results(trainMetrics), seen);
  }

  private double computeGradients(Examples data, int[] order, int from, int rows) {
    gather(data, order, from, rows);
    return computeGradients();
  }

  /**
   * This worker's share of a data-parallel step: its shard's gradients, combined with the other
   * workers'; the metrics see the whole batch, as in a single process.
   */
  private double computeShard(TrainingContext ctx, Examples data, int[] order, int from, int rows) {
    int workers = exchange.workers();
    int rank = exchange.rank();
    int lo = (int) ((long) rows * rank / workers);
    int hi = (int) ((long) rows * (rank + 1) / workers);
    double shardLoss = 0;
    Matrix out = y;
    if (hi > lo) {
      gather(data, order, from + lo, hi - lo);
      out = network.forward(x, true);
      shardLoss = loss.backward(network, out, y, grad);
    } else {
      // A last batch with fewer rows than workers: nothing to add but zeros.
      for (Parameter p : parameters) {
        p.gradient().fill(0);
      }
      out.setRows(0);
    }
    double value = exchange.combine(ctx, parameters, shardLoss, out, lo, rows, batchOutput);
    gatherTargets(data, order, from, rows);
    for (Metric m : trainMetricArray) {
      m.update(batchOutput, batchTargets);
    }
    return value;
  }

  private void gatherTargets(Examples data, int[] order, int from, int rows) {
    batchTargets.setRows(rows);
    batchOutput.setRows(rows);
    float[] ts = data.targets().floats();
    int tc = data.targetCount();
    for (int i = 0; i < rows; i++) {
      System.arraycopy(ts, order[from + i] * tc, batchTargets.floats(), i * tc, tc);
    }
  }

  /** Also stops as diverged at a step whose loss is above {@code maxLoss}. */
  public void setMaxLoss(double maxLoss) {
    guard.setMaxLoss(maxLoss);
  }

  /** The loss and metrics of the network on every example of {@code data}, in batches. */
  public Evaluation evaluate(Examples data) {
    return evaluator.evaluate(data);
  }

  private void gather(Examples data, int[] order, int from, int rows) {
    x.setRows(rows);
    y.setRows(rows);
    float[] ts = data.targets().floats();
    int fc = data.featureCount();
    int tc = data.targetCount();
    // The features of a large batch are copied (and converted from bytes) in pieces over the
    // run's threads: on one thread they are a few percent of a step.
    rowCopy.set(data.features(), order, from, x.floats(), fc);
    try {
      network.kernels().forRanges(rows, 1, (long) rows * fc * COPY_COST, rowCopy);
    } finally {
      rowCopy.clear();
    }
    for (int i = 0; i < rows; i++) {
      System.arraycopy(ts, order[from + i] * tc, y.floats(), i * tc, tc);
    }
  }

  /** Copies the feature rows of a batch, in pieces; reused from step to step. */
  private static final class RowCopy implements ComputePool.RowTask {
    private Features features;
    private int[] order;
    private int from;
    private float[] into;
    private int cols;

    void set(Features features, int[] order, int from, float[] into, int cols) {
      this.features = features;
      this.order = order;
      this.from = from;
      this.into = into;
      this.cols = cols;
    }

    void clear() {
      features = null;
      order = null;
      into = null;
    }

    @Override
    public void run(int fromRow, int toRow) {
      for (int i = fromRow; i < toRow; i++) {
        features.copyRow(order[from + i], into, i * cols);
      }
    }
  }

  private static Map<String, MetricValue> results(Map<String, Metric> metrics) {
    Map<String, MetricValue> out = new LinkedHashMap<>();
    metrics.forEach((name, m) -> out.put(name, m.result()));
    return out;
  }

  /**
   * Runs up to {@code epochs} epochs, validating after each when {@code validation} is present; a
   * listener's stop request ends training after the step or epoch that made it.
   */
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
    return fit(train, validation, epochs, shuffle, listener, order, List.of());
  }

  /**
   * Continues a run whose first {@code done.size()} epochs are {@code done}, with the examples in
   * {@code order} as the last of them left it (the next epoch shuffles it again).
   */
  public List<EpochResult> fit(
      Examples train,
      Optional<Examples> validation,
      int epochs,
      Rng shuffle,
      TrainingListener listener,
      int[] order,
      List<EpochResult> done) {
    if (order.length != train.size()) {
      throw new IllegalArgumentException(
          "an order of " + order.length + " examples for " + train.size());
    }
    this.order = order;
    TrainingContext ctx = context(train.size());
    List<EpochResult> results = new ArrayList<>(done);
    for (int epoch = done.size() + 1; epoch <= epochs && !ctx.stopRequested(); epoch++) {
      long start = System.nanoTime();
      Evaluation t = trainEpoch(epoch, train, order, shuffle, listener);
      Optional<Evaluation> v = validation.map(this::evaluate);
      EpochResult r =
          new EpochResult(
              epoch, t, v, (System.nanoTime() - start) / 1e9, ctx.step(), optimizer.learningRate());
      results.add(r);
      epochsSoFar = results;
      listener.onEpoch(ctx, r);
    }
    return results;
  }

  /** The order the last epoch visited the training examples in (the run's own array). */
  int[] order() {
    return order;
  }

  /** The epochs measured so far in this run. */
  List<EpochResult> epochsSoFar() {
    return epochsSoFar;
  }

  DivergenceGuard guard() {
    return guard;
  }
}
