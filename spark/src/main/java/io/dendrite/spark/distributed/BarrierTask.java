package io.dendrite.spark.distributed;

import io.dendrite.spark.collective.AllReduce;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * One barrier task of a data-parallel run: opens a socket, learns every other worker's address
 * through a single {@code allGather}, then trains as {@link DataParallelWorker}. Spark starts all
 * tasks together (barrier mode) and fails them together; the training talks over TCP, never through
 * Spark, whose barrier calls cost about a second each.
 */
final class BarrierTask extends AbstractFunction1<Iterator<Integer>, Iterator<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WorkerSpec spec;

  BarrierTask(WorkerSpec spec) {
    this.spec = spec;
  }

  @Override
  public Iterator<String> apply(Iterator<Integer> ranks) {
    BarrierTaskContext context = BarrierTaskContext.get();
    int rank = context.partitionId();
    String address = context.getTaskInfos()[rank].address();
    String host = address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
    try (ServerSocketChannel own = AllReduce.listen(InetAddress.getByName(host))) {
      int port = ((InetSocketAddress) own.getLocalAddress()).getPort();
      String[] all = context.allGather(host + ":" + port);
      List<InetSocketAddress> addresses = new ArrayList<>();
      for (String a : all) {
        int colon = a.lastIndexOf(':');
        addresses.add(
            new InetSocketAddress(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1))));
      }
      int threads = spec.threads() > 0 ? spec.threads() : context.cpus();
      WorkerSpec mine =
          new WorkerSpec(
              spec.experiment(),
              spec.source(),
              spec.folder(),
              spec.cacheFolder(),
              spec.workers(),
              spec.syncEvery(),
              spec.timeoutSeconds(),
              threads,
              spec.failRank(),
              spec.failAtStep(),
              spec.driverHost(),
              spec.driverPort(),
              spec.resumeFrom());
      io.dendrite.core.tensor.Kernels.warmUp(1000);
      DataParallelWorker.run(mine, rank, addresses, own);
    } catch (IOException e) {
      throw new UncheckedIOException("worker " + rank + " on " + host + ": " + e, e);
    }
    return CollectionConverters.asScala(List.of("worker " + rank + " done").iterator());
  }
}
