package io.dendrite.core.experiment;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.tensor.ComputePool;
import java.util.List;

/** The {@code training} section: how long and in what steps to train. */
public record TrainingSpec(Params params) {
  public static final Param<Integer> EPOCHS =
      Param.integer("epochs", 10, "passes over the training examples").atLeast(1);
  public static final Param<Integer> BATCH_SIZE =
      Param.integer("batch_size", 32, "examples per gradient step").atLeast(1);
  public static final Param<Boolean> SHUFFLE =
      Param.bool("shuffle", true, "visit training examples in a new seeded order each epoch");
  public static final Param<Integer> THREADS =
      Param.integer(
              "threads",
              0,
              "threads for the numeric kernels; 0 picks from the processor count (results are the"
                  + " same for any value)")
          .atLeast(0)
          .atMost(256);

  public static final Param<Double> CLIP_NORM =
      Param.number(
              "norm", 1.0, "rescale all gradients together so their global L2 norm is at most this")
          .greaterThan(0)
          .optional();
  public static final Param<Double> CLIP_VALUE =
      Param.number("value", 1.0, "clamp every gradient value into [-value, value]")
          .greaterThan(0)
          .optional();
  public static final Param<Params> CLIP =
      Param.section(
              "clip",
              List.of(CLIP_NORM, CLIP_VALUE),
              "gradient clipping before each update: {norm: 1.0} or {value: 0.5} (value first when"
                  + " both)")
          .optional();

  public static final Param<String> MONITOR =
      Param.string(
          "monitor", "val_loss", "what to watch: loss, val_loss, or a metric name, with val_");
  public static final Param<String> MODE =
      Param.choice(
          "mode",
          "auto",
          "min or max is better; auto: from the metric (loss: min)",
          "auto",
          "min",
          "max");
  public static final Param<Integer> PATIENCE =
      Param.integer("patience", 5, "epochs without improvement before stopping").atLeast(1);
  public static final Param<Double> MIN_DELTA =
      Param.number("min_delta", 0.0, "the least change that counts as an improvement").atLeast(0);
  public static final Param<Boolean> RESTORE_BEST =
      Param.bool(
          "restore_best",
          false,
          "end with the weights of the best epoch (the test is measured on them)");
  public static final Param<Params> EARLY_STOPPING =
      Param.section(
              "early_stopping",
              List.of(MONITOR, MODE, PATIENCE, MIN_DELTA, RESTORE_BEST),
              "stop when the monitored value stops improving")
          .optional();

  public static final Param<Double> MAX_SECONDS =
      Param.number(
              "max_seconds",
              3600.0,
              "stop after this much training time (the epoch in progress ends there)")
          .greaterThan(0)
          .optional();
  public static final Param<Double> MAX_LOSS =
      Param.number(
              "max_loss",
              1e6,
              "stop as diverged when a step's loss exceeds this (besides 10,000 times the first"
                  + " step's, always)")
          .greaterThan(0)
          .optional();

  public static final Param<Integer> CHECKPOINT_EVERY =
      Param.integer(
              "every",
              1,
              "epochs between checkpoints; 0 keeps only the one taken when training ends")
          .atLeast(0);
  public static final Param<Integer> CHECKPOINT_KEEP =
      Param.integer("keep", 3, "the newest checkpoints kept; older ones are deleted").atLeast(1);
  public static final Param<Params> CHECKPOINT =
      Param.section(
          "checkpoint",
          List.of(CHECKPOINT_EVERY, CHECKPOINT_KEEP),
          "checkpoints in the run's checkpoints/ folder, from which 'dendrite resume' continues a"
              + " stopped run with the same bits");

  public static final Param<Params> DISTRIBUTED =
      Param.section(
              "distributed",
              DistributedSpec.PARAMS,
              "data-parallel training on several workers: {engine: spark, workers: 2}")
          .optional();

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS =
      List.of(
          EPOCHS,
          BATCH_SIZE,
          SHUFFLE,
          THREADS,
          CLIP,
          EARLY_STOPPING,
          MAX_SECONDS,
          MAX_LOSS,
          CHECKPOINT,
          DISTRIBUTED);

  public int epochs() {
    return params.get(EPOCHS);
  }

  public int batchSize() {
    return params.get(BATCH_SIZE);
  }

  public boolean shuffle() {
    return params.get(SHUFFLE);
  }

  /** The threads as configured: 0 means "from the processor count". */
  public int threads() {
    return params.get(THREADS);
  }

  /** Gradient clipping, if any: {@link #CLIP_NORM} and {@link #CLIP_VALUE}. */
  public java.util.Optional<Params> clip() {
    return params.has(CLIP) ? java.util.Optional.of(params.get(CLIP)) : java.util.Optional.empty();
  }

  /** Early stopping, if any. */
  public java.util.Optional<Params> earlyStopping() {
    return params.has(EARLY_STOPPING)
        ? java.util.Optional.of(params.get(EARLY_STOPPING))
        : java.util.Optional.empty();
  }

  /** The training time after which to stop, if any. */
  public java.util.OptionalDouble maxSeconds() {
    return params.has(MAX_SECONDS)
        ? java.util.OptionalDouble.of(params.get(MAX_SECONDS))
        : java.util.OptionalDouble.empty();
  }

  /** The loss above which a step counts as diverged, if set. */
  public java.util.OptionalDouble maxLoss() {
    return params.has(MAX_LOSS)
        ? java.util.OptionalDouble.of(params.get(MAX_LOSS))
        : java.util.OptionalDouble.empty();
  }

  /** Epochs between checkpoints: 0 for only the last. */
  public int checkpointEvery() {
    return params.get(CHECKPOINT).get(CHECKPOINT_EVERY);
  }

  /** How many checkpoints a run keeps. */
  public int checkpointKeep() {
    return params.get(CHECKPOINT).get(CHECKPOINT_KEEP);
  }

  /** Data-parallel training, if asked for. */
  public java.util.Optional<DistributedSpec> distributed() {
    return params.has(DISTRIBUTED)
        ? java.util.Optional.of(new DistributedSpec(params.get(DISTRIBUTED)))
        : java.util.Optional.empty();
  }

  /** The threads a run uses: {@link #threads()}, or the processor count's default for 0. */
  public int effectiveThreads() {
    int t = threads();
    return t == 0 ? ComputePool.defaultThreads() : t;
  }
}
