package io.dendrite.core.train;

import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * Data parallelism's seam in the training step: this worker is one of {@link #workers()}, and
 * computes every step on its shard of the batch (rows {@code rows * rank / workers} to {@code rows
 * * (rank + 1) / workers}), then combines it with the others'.
 *
 * <p>Given to a {@link Trainer} among its processors, it makes that trainer one worker of a
 * data-parallel run: every worker sees the same batches (the same seed gives the same example order
 * everywhere), and after {@link #combine} every worker holds the same gradients, loss and outputs,
 * so the optimizer, the metrics, the listeners and the stopping decisions agree everywhere without
 * further talk. It must not allocate per step.
 */
public interface StepExchange extends GradientProcessor {
  /** This worker's place, from 0. */
  int rank();

  /** How many workers share each batch. */
  int workers();

  /**
   * Combines a step across the workers, called after this worker computed its shard and before the
   * gradient processors. Afterwards every worker's gradients are the same (the global batch's, when
   * the step is synchronized), and {@code batchOutput} holds the network's outputs for every row of
   * the batch, in batch order.
   *
   * @param shardLoss the loss of this worker's shard (0 when it has no rows)
   * @param shardOutput this worker's outputs, {@code shardRows} rows
   * @param shardOffset the batch row this worker's shard starts at
   * @param batchRows the rows of the whole batch
   * @return the loss of the whole batch
   */
  double combine(
      TrainingContext context,
      List<Parameter> parameters,
      double shardLoss,
      Matrix shardOutput,
      int shardOffset,
      int batchRows,
      Matrix batchOutput);

  /** Called after the optimizer's update: where workers that update alone average weights. */
  void afterUpdate(TrainingContext context, List<Parameter> parameters);

  /** The exchange does its work in {@link #combine} and {@link #afterUpdate}. */
  @Override
  default void process(TrainingContext context, List<Parameter> parameters) {}
}
