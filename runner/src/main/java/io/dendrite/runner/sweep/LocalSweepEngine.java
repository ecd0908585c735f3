package io.dendrite.runner.sweep;

import io.dendrite.core.tensor.ComputePool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs trials side by side in this JVM: {@code --parallel} at once (by default as many as there are
 * cores, at most the trial count), the cores shared out among them as kernel threads. Runs in one
 * JVM share nothing mutable, so each gives the bits it gives alone.
 */
public final class LocalSweepEngine implements SweepEngine {
  public static final String ID = "local";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void run(SweepJob job, Consumer<TrialOutcome> done) {
    List<Trial> trials = job.plan().trials();
    int cores = ComputePool.defaultThreads();
    int parallel = job.parallel() > 0 ? job.parallel() : Math.min(cores, trials.size());
    parallel = Math.max(1, Math.min(parallel, trials.size()));
    int threads = Math.max(1, cores / parallel);
    TrialRunner runner = job.trialRunner();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallel,
            r -> {
              Thread t = new Thread(r, "dendrite-trial");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Trial trial : trials) {
        running.add(
            pool.submit(
                () -> {
                  TrialOutcome outcome =
                      runner.run(
                          trial.index(),
                          TrialRunner.withThreads(trial.experiment(), threads),
                          job.folder().resolve(trial.folderName()));
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
      throw new IllegalStateException("the sweep was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial could not be run: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
