package io.dendrite.spark.sweep;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.sweep.SweepEngine;
import io.dendrite.runner.sweep.SweepJob;
import io.dendrite.runner.sweep.Trial;
import io.dendrite.runner.sweep.TrialOutcome;
import io.dendrite.spark.SparkContexts;
import io.dendrite.spark.distributed.PlainData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code dendrite sweep --engine spark}: one Spark task per trial. Each trial is a job of its own,
 * submitted from {@code --parallel} driver threads (by default the cluster's task slots), so that
 * its outcome is written and printed as soon as it is done and a failed trial fails alone.
 */
public final class SparkSweepEngine implements SweepEngine {
  @Override
  public String id() {
    return "spark";
  }

  @Override
  public void run(SweepJob job, Consumer<TrialOutcome> done) {
    List<Trial> trials = job.plan().trials();
    JavaSparkContext sc =
        SparkContexts.start(
            job.master(), "dendrite sweep " + job.plan().name(), Math.min(trials.size(), 2));
    try {
      int parallel = job.parallel() > 0 ? job.parallel() : sc.defaultParallelism();
      job.out().printf("spark       %s, %d trials at once%n", sc.master(), parallel);
      job.out().flush();
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
      try {
        List<Future<?>> running = new ArrayList<>();
        for (Trial trial : trials) {
          running.add(
              pool.submit(
                  () -> {
                    TrialOutcome outcome = runOne(sc, job, trial);
                    synchronized (done) {
                      done.accept(outcome);
                    }
                  }));
        }
        for (Future<?> f : running) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DendriteException(DendriteException.Kind.RUNTIME, "the sweep was interrupted", e);
      } catch (ExecutionException e) {
        throw new DendriteException(
            DendriteException.Kind.RUNTIME, "a trial could not be run: " + e.getCause(), e);
      } finally {
        pool.shutdownNow();
      }
    } finally {
      sc.stop();
    }
  }

  private static TrialOutcome runOne(JavaSparkContext sc, SweepJob job, Trial trial) {
    long start = System.nanoTime();
    var source = trial.experiment().source();
    ShippedTrial shipped =
        new ShippedTrial(
            trial.index(),
            PlainData.shippable(trial.experiment().experiment().toMap()),
            source.file().toString(),
            source.displayName(),
            new ArrayList<>(source.overrides()),
            trial.folderName(),
            job.cacheFolder().toString(),
            job.version());
    ShippedOutcome result;
    try {
      sc.setJobGroup(trial.folderName(), "trial " + trial.index(), true);
      result = sc.parallelize(List.of(shipped), 1).map(new RemoteTrial()).collect().get(0);
    } catch (RuntimeException e) {
      return TrialOutcome.failed(
          trial.index(), (System.nanoTime() - start) / 1e9, "on Spark: " + firstLine(e));
    }
    Path dir = job.folder().resolve(trial.folderName());
    try {
      for (Map.Entry<String, byte[]> f : result.files().entrySet()) {
        Path target = dir.resolve(f.getKey()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("a trial sent a file outside its folder: " + f.getKey());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
    } catch (IOException e) {
      return TrialOutcome.failed(
          trial.index(), result.seconds(), "cannot write the trial's files into " + dir + ": " + e);
    }
    return result.outcome();
  }

  private static String firstLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DendriteException) {
        return t.getMessage();
      }
    }
    String m = String.valueOf(e.getMessage());
    int line = m.indexOf('\n');
    return line > 0 ? m.substring(0, line) : m;
  }
}
