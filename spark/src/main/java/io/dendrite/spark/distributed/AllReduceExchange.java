package io.dendrite.spark.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.core.train.StepExchange;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.spark.collective.AllReduce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A worker's side of data-parallel training over an {@link AllReduce}.
 *
 * <p>Every step the workers sum their shards' outputs (each writes its rows of the batch, zeros
 * elsewhere, so the sum is the batch's outputs) and losses, weighted by shard rows when the loss is
 * a mean; with {@code sync_every: 1} the gradients too, in the same message, so that every worker
 * applies the global batch's gradient. With {@code sync_every: n > 1} each worker applies its own
 * shard's gradient and the weights are averaged every n steps and at the end of each epoch.
 * Non-trainable buffers (batch norm's running statistics) are averaged at the end of each epoch, so
 * that every worker validates the same network and takes the same decisions.
 */
final class AllReduceExchange implements StepExchange {
  private static final int PHASE_STEP = 0;
  private static final int PHASE_WEIGHTS = 1;
  private static final int PHASE_BUFFERS = 2;
  private static final int PHASE_STOP = 3;
  private static final int PHASE_GATHER_LENGTHS = 4;
  private static final int PHASE_GATHER = 5;

  private final AllReduce allReduce;
  private final int syncEvery;
  private final boolean meanLoss;
  private final OptionalLong failAtStep;
  private float[] buffer = new float[0];
  private List<Matrix> buffers;
  private boolean streamsSplit;

  /**
   * @param meanLoss whether the loss is a mean over the batch (its gradient then weighs each shard
   *     by its rows), or a sum
   * @param failAtStep a test's way to make this worker fail at a step, as a crash would
   */
  AllReduceExchange(AllReduce allReduce, int syncEvery, boolean meanLoss, OptionalLong failAtStep) {
    this.allReduce = allReduce;
    this.syncEvery = syncEvery;
    this.meanLoss = meanLoss;
    this.failAtStep = failAtStep;
  }

  @Override
  public int rank() {
    return allReduce.rank();
  }

  @Override
  public int workers() {
    return allReduce.workers();
  }

  @Override
  public double combine(
      TrainingContext context,
      List<Parameter> parameters,
      double shardLoss,
      Matrix shardOutput,
      int shardOffset,
      int batchRows,
      Matrix batchOutput) {
    if (!streamsSplit) {
      splitStreams(context);
    }
    if (failAtStep.isPresent() && context.globalStep() == failAtStep.getAsLong()) {
      allReduce.close();
      throw new DendriteException(
          DendriteException.Kind.RUNTIME,
          "worker " + rank() + " failed on purpose at step " + context.globalStep() + " (a test)");
    }
    boolean gradients = syncEvery == 1;
    int cols = batchOutput.cols();
    int n = gradients ? count(parameters) : 0;
    int length = n + batchRows * cols;
    ensure(length);
    double weight = meanLoss ? (double) shardOutput.rows() / batchRows : 1;
    if (gradients) {
      int at = 0;
      for (Parameter p : parameters) {
        float[] g = p.gradient().floats();
        int size = p.gradient().size();
        for (int i = 0; i < size; i++) {
          buffer[at++] = (float) (g[i] * weight);
        }
      }
    }
    java.util.Arrays.fill(buffer, n, length, 0f);
    System.arraycopy(
        shardOutput.floats(), 0, buffer, n + shardOffset * cols, shardOutput.rows() * cols);
    double loss =
        allReduce.sum(context.globalStep(), PHASE_STEP, buffer, length, shardLoss * weight);
    if (gradients) {
      int at = 0;
      for (Parameter p : parameters) {
        int size = p.gradient().size();
        System.arraycopy(buffer, at, p.gradient().floats(), 0, size);
        at += size;
      }
    }
    batchOutput.setRows(batchRows);
    System.arraycopy(buffer, n, batchOutput.floats(), 0, batchRows * cols);
    return loss;
  }

  @Override
  public void afterUpdate(TrainingContext context, List<Parameter> parameters) {
    boolean epochEnds = context.step() == context.stepsPerEpoch();
    if (syncEvery > 1 && (context.globalStep() % syncEvery == 0 || epochEnds)) {
      List<Matrix> values = new ArrayList<>(parameters.size());
      parameters.forEach(p -> values.add(p.value()));
      average(values, context.globalStep(), PHASE_WEIGHTS);
    }
    if (epochEnds) {
      average(buffers(context), context.globalStep(), PHASE_BUFFERS);
    }
  }

  /**
   * Agrees on stopping: true on every worker when any asked to stop. Needed only when a stop can
   * come from one worker alone (a time limit); the others are taken on the same numbers everywhere.
   */
  boolean anyStops(TrainingContext context) {
    ensure(1);
    buffer[0] = context.stopRequested() ? 1 : 0;
    allReduce.sum(context.globalStep(), PHASE_STOP, buffer, 1, 0);
    return buffer[0] > 0;
  }

  /**
   * Every worker's {@code mine}, in rank order, on worker 0 (an empty list on the others); every
   * worker calls it at the same step. Rides on the sum: each worker writes its bytes, 16 bits to a
   * float (whole numbers below 2^16 add exactly), into its own slot and zeros elsewhere.
   */
  List<byte[]> gather(long step, byte[] mine) {
    int workers = workers();
    int rank = rank();
    ensure(2 * workers);
    java.util.Arrays.fill(buffer, 0, 2 * workers, 0f);
    buffer[2 * rank] = mine.length & 0xFFFF;
    buffer[2 * rank + 1] = mine.length >>> 16;
    allReduce.sum(step, PHASE_GATHER_LENGTHS, buffer, 2 * workers, 0);
    int[] lengths = new int[workers];
    int slot = 0;
    for (int k = 0; k < workers; k++) {
      lengths[k] = (int) buffer[2 * k] | ((int) buffer[2 * k + 1] << 16);
      slot = Math.max(slot, (lengths[k] + 1) / 2);
    }
    int length = slot * workers;
    ensure(length);
    java.util.Arrays.fill(buffer, 0, length, 0f);
    for (int i = 0; i < mine.length; i += 2) {
      int high = mine[i] & 0xFF;
      int low = i + 1 < mine.length ? mine[i + 1] & 0xFF : 0;
      buffer[rank * slot + i / 2] = (high << 8) | low;
    }
    allReduce.sum(step, PHASE_GATHER, buffer, length, 0);
    if (rank != 0) {
      return List.of();
    }
    List<byte[]> all = new ArrayList<>(workers);
    for (int k = 0; k < workers; k++) {
      byte[] bytes = new byte[lengths[k]];
      for (int i = 0; i < bytes.length; i += 2) {
        int unit = (int) buffer[k * slot + i / 2];
        bytes[i] = (byte) (unit >>> 8);
        if (i + 1 < bytes.length) {
          bytes[i + 1] = (byte) unit;
        }
      }
      all.add(bytes);
    }
    return all;
  }

  /** A resumed worker's streams are its own already: they are not split again. */
  void resumed() {
    streamsSplit = true;
  }

  private void average(List<Matrix> tensors, long step, int phase) {
    int length = 0;
    for (Matrix m : tensors) {
      length += m.size();
    }
    if (length == 0) {
      return;
    }
    ensure(length);
    int at = 0;
    for (Matrix m : tensors) {
      System.arraycopy(m.floats(), 0, buffer, at, m.size());
      at += m.size();
    }
    allReduce.sum(step, phase, buffer, length, 0);
    float workers = workers();
    at = 0;
    for (Matrix m : tensors) {
      float[] v = m.floats();
      for (int i = 0; i < m.size(); i++) {
        v[i] = buffer[at++] / workers;
      }
    }
  }

  /** The network's tensors that are not trained by gradients: running statistics. */
  private List<Matrix> buffers(TrainingContext context) {
    if (buffers == null) {
      List<Matrix> out = new ArrayList<>();
      java.util.Set<Matrix> trained =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      context.network().parameters().forEach(p -> trained.add(p.value()));
      for (Map.Entry<String, Matrix> e : context.network().tensors().entrySet()) {
        if (!trained.contains(e.getValue())) {
          out.add(e.getValue());
        }
      }
      buffers = out;
    }
    return buffers;
  }

  /**
   * Gives each worker's layers streams of their own (dropout masks): the same seed would draw the
   * same mask for every shard.
   */
  private void splitStreams(TrainingContext context) {
    streamsSplit = true;
    for (var rng : context.network().streams().values()) {
      for (int k = 0; k < rank(); k++) {
        rng.restore(rng.split().state());
      }
    }
  }

  private static int count(List<Parameter> parameters) {
    int n = 0;
    for (Parameter p : parameters) {
      n += p.gradient().size();
    }
    return n;
  }

  private void ensure(int length) {
    if (buffer.length < length) {
      buffer = new float[Math.max(length, 1)];
    }
  }
}
