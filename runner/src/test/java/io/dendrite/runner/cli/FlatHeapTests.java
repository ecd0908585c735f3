package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.runner.TestFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training keeps a flat heap: over 200 epochs of a whole run (checkpoints, metrics files, the
 * report's history), the heap retained after a full collection does not grow with the epochs.
 */
class FlatHeapTests {
  @TempDir Path dir;

  /** The heap used after a full collection, measured every {@code every}-th epoch. */
  static final class HeapAfterGc {
    final int every;
    final List<Long> bytes = new ArrayList<>();
    int epochs;

    HeapAfterGc(int every) {
      this.every = every;
    }

    void epochStarts() {
      if (++epochs % every == 0) {
        System.gc();
        System.gc();
        bytes.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
    }
  }

  /**
   * A metric whose reset, called as each training epoch starts, measures the heap; it reports 0.
   */
  static final class HeapProbe implements Metric {
    private final HeapAfterGc heap;

    HeapProbe(HeapAfterGc heap) {
      this.heap = heap;
    }

    @Override
    public void reset() {
      heap.epochStarts();
    }

    @Override
    public void update(Matrix output, Matrix targets) {}

    @Override
    public MetricValue result() {
      return MetricValue.of(0);
    }
  }

  private static PluginRegistry registry(HeapAfterGc heap) {
    PluginRegistry real = PluginRegistry.discover(FlatHeapTests.class.getClassLoader());
    List<RegisteredPlugin> plugins = new ArrayList<>(real.plugins());
    MetricPlugin probe =
        new MetricPlugin.Base(
            "heap_probe", "the heap after a full GC", () -> new HeapProbe(heap)) {};
    plugins.add(new RegisteredPlugin(PluginKind.METRIC, probe, "this test"));
    return new PluginRegistry(plugins, real.problems());
  }

  @Test
  void twoHundredEpochsRetainNoMoreHeapThanTheFortiethDid() throws Exception {
    // Weights of about 100 KB (Adam keeps two more copies): a copy of them, of a batch or of a
    // checkpoint kept per epoch would add 20 MB or more by epoch 200.
    TestFiles.write(
        dir,
        "exp.yaml",
        """
        name: two-hundred-epochs
        seed: 8
        data:
          train: {type: blobs, samples: 200, features: 100, centers: 3}
        model:
          layers:
            - {type: dense, units: 256, activation: relu}
            - {type: dense, units: 3, activation: softmax}
        loss: cross_entropy
        optimizer: {type: adam, learning_rate: 0.001}
        training: {epochs: 200, batch_size: 20}
        metrics: [accuracy, heap_probe]
        """);
    HeapAfterGc heap = new HeapAfterGc(20);
    CliHarness.Result r =
        new CliHarness(dir, () -> registry(heap)).run("run", "exp.yaml", "--out", "out", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<Long> mb = heap.bytes;
    assertThat(mb).as("measured at epochs 20, 40, ..., 200").hasSize(10);
    long growth = mb.get(mb.size() - 1) - mb.get(1);
    System.out.printf(
        "heap after GC at epochs 20..200 (KB): %s; growth from epoch 40 to 200: %d KB%n",
        mb.stream().map(b -> b / 1024).toList(), growth / 1024);
    assertThat(growth)
        .as("bytes retained by epochs 41 to 200 (heap after GC: %s)", mb)
        .isLessThan(4L << 20);
  }
}
