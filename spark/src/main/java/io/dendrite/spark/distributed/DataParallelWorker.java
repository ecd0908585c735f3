package io.dendrite.spark.distributed;

import com.google.inject.Guice;
import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.PlainExperimentReader;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingCheckpoint;
import io.dendrite.core.train.TrainingContext;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.wiring.PluginModule;
import io.dendrite.spark.collective.AllReduce;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One worker of a data-parallel run, in plain Java: joins the others, trains the experiment on its
 * shard of every batch, and (worker 0) reports to the driver. Spark runs one per barrier task;
 * tests run them on threads.
 */
public final class DataParallelWorker {
  private DataParallelWorker() {}

  /**
   * Trains as worker {@code rank} of the workers at {@code addresses}; {@code own} listens at this
   * worker's address.
   *
   * @throws DendriteException naming the worker that failed, when any did
   */
  public static void run(
      WorkerSpec spec, int rank, List<InetSocketAddress> addresses, ServerSocketChannel own) {
    PluginRegistry registry = PluginRegistry.discover(DataParallelWorker.class.getClassLoader());
    Experiment experiment =
        new PlainExperimentReader(registry, spec.source()).read(spec.experiment());
    ComponentFactory components =
        Guice.createInjector(new PluginModule(registry)).getInstance(ComponentFactory.class);
    int threads = spec.threads() > 0 ? spec.threads() : experiment.training().effectiveThreads();
    Duration timeout = Duration.ofMillis((long) (spec.timeoutSeconds() * 1000));
    WorkerReporter reporter = null;
    try (ComputePool pool = ComputePool.create(threads);
        AllReduce allReduce = AllReduce.connect(rank, addresses, own, timeout)) {
      if (rank == 0) {
        reporter =
            WorkerReporter.connect(
                new InetSocketAddress(spec.driverHost(), spec.driverPort()),
                (int) timeout.toMillis());
      }
      AllReduceExchange exchange =
          new AllReduceExchange(
              allReduce,
              spec.syncEvery(),
              !"sum".equals(experiment.loss().params().values().get("reduction")),
              spec.failRank() == rank ? OptionalLong.of(spec.failAtStep()) : OptionalLong.empty());
      ExperimentTrainer trainer =
          new ExperimentTrainer(
              components, new Kernels(pool), Path.of(spec.folder()), Path.of(spec.cacheFolder()));
      TrainingListener listener =
          listener(reporter, exchange, experiment.training().maxSeconds().isPresent());
      try {
        TrainingResult result;
        if (spec.resumeFrom() != null) {
          TrainingCheckpoint mine =
              RankState.forRank(CheckpointBytes.read(spec.resumeFrom()), rank);
          exchange.resumed();
          result = trainer.resume(experiment, mine, listener, List.of(exchange));
        } else {
          result = trainer.run(experiment, listener, List.of(exchange));
        }
        if (reporter != null) {
          reporter.done(result.stopReason());
        }
      } catch (RuntimeException e) {
        if (reporter != null) {
          reporter.failed(e instanceof DendriteException ? e.getMessage() : e.toString());
        }
        throw e;
      }
    } finally {
      if (reporter != null) {
        reporter.close();
      }
    }
  }

  /**
   * Worker 0's reports, and the agreement on stopping when a time limit may stop one worker before
   * the others: it runs after the run's own listeners, so it sees their requests.
   */
  private static TrainingListener listener(
      WorkerReporter reporter, AllReduceExchange exchange, boolean timeLimited) {
    return new TrainingListener() {
      @Override
      public void onStep(TrainingContext context, double loss) {
        if (timeLimited && exchange.anyStops(context) && !context.stopRequested()) {
          context.requestStop("time limit: training.max_seconds reached on another worker");
        }
        if (reporter != null) {
          reporter.onStep(context, loss);
        }
      }

      @Override
      public void onEpoch(TrainingContext context, EpochResult result) {
        // Every worker's own state goes to worker 0, which sends the run's checkpoint before the
        // epoch: the driver's checkpoint writer takes it when the epoch is played there.
        TrainingCheckpoint mine = context.checkpoint();
        List<byte[]> states = exchange.gather(context.globalStep(), RankState.encode(mine));
        if (reporter != null) {
          reporter.checkpoint(RankState.combine(mine, states));
          reporter.onEpoch(context, result);
        }
      }

      @Override
      public void onTest(TrainingContext context, Evaluation result) {
        if (reporter != null) {
          reporter.onTest(context, result);
        }
      }
    };
  }
}
