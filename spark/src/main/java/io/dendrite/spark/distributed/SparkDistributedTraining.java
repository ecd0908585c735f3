package io.dendrite.spark.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.DistributedSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.train.ExperimentTraining;
import io.dendrite.core.train.GradientProcessor;
import io.dendrite.core.train.TrainingCheckpoint;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingReplay;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.distributed.DistributedSetup;
import io.dendrite.spark.SparkContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training on Spark: one barrier task per worker, worker 0 reporting to this process,
 * which plays the run to the run's listeners as a local run's ({@link TrainingReplay}).
 */
final class SparkDistributedTraining implements ExperimentTraining {
  /** A test's way to make a worker fail: {@code rank@step}, read from the Spark configuration. */
  static final String FAIL_WORKER = "spark.dendrite.test.failWorker";

  private final DistributedSetup setup;

  SparkDistributedTraining(DistributedSetup setup) {
    this.setup = setup;
  }

  @Override
  public TrainingResult run(
      Experiment experiment, TrainingListener listener, List<GradientProcessor> processors) {
    return train(experiment, listener, processors, Optional.empty());
  }

  /**
   * Continues on the workers from {@code checkpoint}: each worker takes the weights and its own
   * optimizer state and random streams from it ({@link RankState}).
   */
  @Override
  public TrainingResult resume(
      Experiment experiment,
      TrainingCheckpoint checkpoint,
      TrainingListener listener,
      List<GradientProcessor> processors) {
    return train(experiment, listener, processors, Optional.of(checkpoint));
  }

  private TrainingResult train(
      Experiment experiment,
      TrainingListener listener,
      List<GradientProcessor> processors,
      Optional<TrainingCheckpoint> resume) {
    if (!processors.isEmpty()) {
      throw DendriteException.config(
          "training.distributed: this run adds gradient processors of its own ("
              + processors
              + "), which cannot run on the workers");
    }
    DistributedSpec d = experiment.training().distributed().orElseThrow();
    TrainingReplay replay =
        new TrainingReplay(
            experiment, setup.local(), setup.components(), setup.kernels(), listener, resume);
    try (DriverChannel channel = DriverChannel.open()) {
      JavaSparkContext sc =
          SparkContexts.start(d.master(), "dendrite " + experiment.name(), d.workers());
      try {
        String fail = sc.getConf().get(FAIL_WORKER, "");
        WorkerSpec spec =
            new WorkerSpec(
                PlainData.shippable(experiment.toMap()),
                setup.loaded().source().displayName(),
                setup.loaded().source().folder().toString(),
                setup.settings().cacheFolder().toString(),
                d.workers(),
                d.syncEvery(),
                d.timeoutSeconds(),
                experiment.training().threads(),
                fail.isEmpty() ? -1 : Integer.parseInt(fail.substring(0, fail.indexOf('@'))),
                fail.isEmpty() ? -1 : Long.parseLong(fail.substring(fail.indexOf('@') + 1)),
                sc.getConf().get("spark.driver.host"),
                channel.port(),
                resume.map(CheckpointBytes::of).orElse(null));
        List<Integer> ranks = new ArrayList<>();
        IntStream.range(0, d.workers()).forEach(ranks::add);
        RDD<String> tasks =
            sc.parallelize(ranks, d.workers())
                .rdd()
                .barrier()
                .mapPartitions(new BarrierTask(spec), false, ClassTag$.MODULE$.apply(String.class));
        JavaFutureAction<List<String>> job =
            JavaRDD.fromRDD(tasks, ClassTag$.MODULE$.apply(String.class)).collectAsync();
        Optional<String> failure =
            channel.play(replay, job::isDone, (int) (d.timeoutSeconds() * 1000));
        try {
          job.get();
        } catch (ExecutionException e) {
          throw failed(reason(failure, workerMessage(e.getCause())), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          job.cancel(true);
          throw failed("interrupted", e);
        }
        if (failure.isPresent()) {
          throw failed(failure.get(), null);
        }
        return replay.result();
      } finally {
        sc.stop();
      }
    }
  }

  private static DendriteException failed(String why, Throwable cause) {
    return new DendriteException(
        DendriteException.Kind.RUNTIME, "distributed training failed: " + why, cause);
  }

  /** The workers' own words in a Spark failure: the first line of its reason. */
  static String workerMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DendriteException) {
        return t.getMessage();
      }
    }
    String m = String.valueOf(e == null ? "unknown" : e.getMessage());
    String[] lines = m.split("\n");
    // A worker's executor that died (killed, out of memory) is named on a line of its own.
    for (String line : lines) {
      Matcher lost = EXECUTOR_LOST.matcher(line);
      if (lost.find()) {
        return EXECUTOR_DIED + lost.group(1) + " died: " + lost.group(2).trim();
      }
    }
    return lines[0];
  }

  private static final Pattern EXECUTOR_LOST =
      Pattern.compile("ExecutorLostFailure \\(executor (\\S+) exited[^)]*\\)(?: Reason:)?(.*)");

  private static final String EXECUTOR_DIED = "a worker's executor ";

  /**
   * One sentence from worker 0's report and Spark's reason: a dead executor first, as the cause of
   * whatever worker 0 saw next.
   */
  static String reason(Optional<String> worker0, String spark) {
    if (worker0.isEmpty() || worker0.get().equals(spark)) {
      return spark;
    }
    if (spark.startsWith(EXECUTOR_DIED)) {
      return spark + "; then " + worker0.get();
    }
    return worker0.get() + " (Spark: " + spark + ")";
  }
}
