package io.dendrite.spark.collective;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Workers on threads of this process, joined by an {@link AllReduce} over the loopback. */
final class LoopbackWorkers {
  /** What a worker does once it has joined the others. */
  interface Work<T> {
    T run(AllReduce allReduce) throws Exception;
  }

  private LoopbackWorkers() {}

  /** Runs {@code work} on {@code workers} workers and returns what each returned, in rank order. */
  static <T> List<T> run(int workers, Duration timeout, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> f : start(pool, workers, timeout, work)) {
        results.add(get(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code work} on two workers and returns what worker 0 failed with, or null when it did not
   * fail.
   */
  static Exception failureOfWorkerZero(Duration timeout, Work<Object> work) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> done = start(pool, 2, timeout, work);
      try {
        get(done.get(0));
        return null;
      } catch (Exception e) {
        return e;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> List<Future<T>> start(
      ExecutorService pool, int workers, Duration timeout, Work<T> work) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<ServerSocketChannel> own = new ArrayList<>();
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      ServerSocketChannel s = AllReduce.listen(loopback);
      own.add(s);
      addresses.add((InetSocketAddress) s.getLocalAddress());
    }
    List<Future<T>> futures = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      int rank = k;
      futures.add(
          pool.submit(
              () -> {
                try (ServerSocketChannel listening = own.get(rank);
                    AllReduce a = AllReduce.connect(rank, addresses, listening, timeout)) {
                  return work.run(a);
                }
              }));
    }
    return futures;
  }

  private static <T> T get(Future<T> f) throws Exception {
    try {
      return f.get(50, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }
}
