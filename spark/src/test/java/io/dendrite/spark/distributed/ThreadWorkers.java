package io.dendrite.spark.distributed;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.TrainingCheckpoint;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingReplay;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.spark.collective.AllReduce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A data-parallel run with its workers on threads of this JVM and a driver replaying it. */
final class ThreadWorkers {
  /** What the driver saw, and the workers' errors. */
  record Outcome(TrainingResult result, Optional<String> failure, List<Throwable> workerErrors) {}

  private ThreadWorkers() {}

  static Outcome train(
      PluginRegistry registry,
      Experiment experiment,
      Path folder,
      int workers,
      int syncEvery,
      int failRank,
      long failAtStep)
      throws Exception {
    return train(
        registry,
        experiment,
        folder,
        workers,
        syncEvery,
        failRank,
        failAtStep,
        Optional.empty(),
        new TrainingListener() {});
  }

  /** As above, continuing from {@code resume}, with {@code driver} hearing the driver's events. */
  static Outcome train(
      PluginRegistry registry,
      Experiment experiment,
      Path folder,
      int workers,
      int syncEvery,
      int failRank,
      long failAtStep,
      Optional<TrainingCheckpoint> resume,
      TrainingListener driver)
      throws Exception {
    List<ServerSocketChannel> sockets = new ArrayList<>();
    List<InetSocketAddress> addresses = new ArrayList<>();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int k = 0; k < workers; k++) {
      ServerSocketChannel s = AllReduce.listen(loopback);
      sockets.add(s);
      addresses.add((InetSocketAddress) s.getLocalAddress());
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try (DriverChannel channel = DriverChannel.open();
        ComputePool driverPool = ComputePool.create(1)) {
      WorkerSpec spec =
          new WorkerSpec(
              PlainData.shippable(experiment.toMap()),
              "test.yaml",
              folder.toString(),
              folder.resolve("cache").toString(),
              workers,
              syncEvery,
              20,
              1,
              failRank,
              failAtStep,
              loopback.getHostAddress(),
              channel.port(),
              resume.map(CheckpointBytes::of).orElse(null));
      List<Future<?>> running = new ArrayList<>();
      for (int k = 0; k < workers; k++) {
        int rank = k;
        running.add(
            pool.submit(
                () -> {
                  DataParallelWorker.run(spec, rank, addresses, sockets.get(rank));
                  return null;
                }));
      }
      Kernels kernels = new Kernels(driverPool);
      TrainingReplay replay =
          new TrainingReplay(
              experiment,
              new ExperimentTrainer(registry, kernels, folder, folder.resolve("cache")),
              registry,
              kernels,
              driver,
              resume);
      Optional<String> failure =
          channel.play(replay, () -> running.stream().allMatch(Future::isDone), 20_000);
      List<Throwable> errors = new ArrayList<>();
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add(e.getCause());
        }
      }
      return new Outcome(replay.result(), failure, errors);
    } finally {
      pool.shutdownNow();
      for (ServerSocketChannel s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
