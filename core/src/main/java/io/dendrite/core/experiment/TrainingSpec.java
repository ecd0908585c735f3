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

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS = List.of(EPOCHS, BATCH_SIZE, SHUFFLE, THREADS);

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

  /** The threads a run uses: {@link #threads()}, or the processor count's default for 0. */
  public int effectiveThreads() {
    int t = threads();
    return t == 0 ? ComputePool.defaultThreads() : t;
  }
}
