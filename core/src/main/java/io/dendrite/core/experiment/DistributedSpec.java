package io.dendrite.core.experiment;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import java.util.List;
import java.util.Optional;

/**
 * The {@code training.distributed} section: data-parallel training on several workers, each
 * computing every step on its shard of the batch.
 */
public record DistributedSpec(Params params) {
  public static final Param<String> ENGINE =
      Param.string("engine", "spark", "what starts the workers: spark (the dendrite-spark module)");
  public static final Param<String> MASTER =
      Param.string(
              "master",
              "local[2]",
              "the Spark master: local[2], spark://host:7077; default: spark-submit's, or"
                  + " local[workers]")
          .optional();
  public static final Param<Integer> WORKERS =
      Param.integer("workers", 2, "workers, each training on its share of every batch")
          .atLeast(1)
          .atMost(1024);
  public static final Param<Integer> SYNC_EVERY =
      Param.integer(
              "sync_every",
              1,
              "1: average the gradients of every step (synchronous SGD); n > 1: each worker"
                  + " applies its own and the weights are averaged every n steps")
          .atLeast(1);
  public static final Param<Double> TIMEOUT_SECONDS =
      Param.number(
              "timeout_seconds",
              120.0,
              "how long a worker waits for another before the run fails naming it")
          .greaterThan(0);

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS =
      List.of(ENGINE, MASTER, WORKERS, SYNC_EVERY, TIMEOUT_SECONDS);

  public String engine() {
    return params.get(ENGINE);
  }

  /** The master as configured, if any. */
  public Optional<String> master() {
    return params.has(MASTER) ? Optional.of(params.get(MASTER)) : Optional.empty();
  }

  public int workers() {
    return params.get(WORKERS);
  }

  public int syncEvery() {
    return params.get(SYNC_EVERY);
  }

  public double timeoutSeconds() {
    return params.get(TIMEOUT_SECONDS);
  }
}
