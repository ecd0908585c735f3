package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.nn.Network;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing once the first batch has sized every buffer: an epoch of twice
 * as many steps allocates no more than an epoch of half as many.
 */
class TrainingStepAllocationTests {
  private static ComponentSpec dense(int units, String activation) {
    Map<String, Object> p = new HashMap<>();
    p.put("units", units);
    if (activation != null) {
      p.put("activation", spec(PluginKind.ACTIVATION, activation));
    }
    return new ComponentSpec(
        PluginKind.LAYER,
        "dense",
        Params.resolve(
            PluginRegistry.discover(TrainingStepAllocationTests.class.getClassLoader())
                .require(PluginKind.LAYER, "dense")
                .plugin()
                .params(),
            p));
  }

  private static Examples random(int rows, Rng rng) {
    Matrix x = Matrix.floats(rows, 40);
    Matrix y = Matrix.floats(rows, 3);
    for (int i = 0; i < x.size(); i++) {
      x.set(i, rng.nextGaussian());
    }
    for (int i = 0; i < y.size(); i++) {
      y.set(i, rng.nextDouble());
    }
    return new Examples(x, y, List.of(), "random");
  }

  @Test
  void stepsAllocateNothingAfterTheFirstBatch() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    TestComponents components = new TestComponents(local);
    Kernels.warmUp(3000);
    Network network =
        Network.build(
                List.of(dense(64, "tanh"), dense(3, null)),
                40,
                16,
                false,
                components,
                Kernels.singleThreaded(),
                new Rng(3))
            .initialize(new Rng(1));
    Trainer trainer =
        new Trainer(
            network,
            new LossEvaluator(new TestComponents.SquaredError(), network.outputActivation()),
            new TestComponents.PlainSgd(0.01),
            Map.of(),
            Map.of(),
            16,
            List.of());
    Rng rng = new Rng(2);
    // 37 and 74 rows: both end in a partial batch, so buffers shrink and grow again.
    Examples small = random(16 * 36 + 5, rng);
    Examples large = random(16 * 72 + 10, rng);
    int[] smallOrder = order(small.size());
    int[] largeOrder = order(large.size());
    TrainingListener quiet = new TrainingListener() {};
    for (int warm = 0; warm < 3; warm++) {
      trainer.trainEpoch(1, small, smallOrder, rng, quiet);
      trainer.trainEpoch(1, large, largeOrder, rng, quiet);
    }
    long id = Thread.currentThread().getId();
    // On a loaded machine, or late in a long test JVM with a queue of methods to compile, the JIT
    // may still be compiling after the warm-up: measure again until it has settled (a real
    // per-step allocation never settles), for at most 15 seconds.
    long extra = Long.MAX_VALUE;
    long smallEpoch = 0;
    long largeEpoch = 0;
    long deadline = System.nanoTime() + 15_000_000_000L;
    for (int attempt = 0;
        extra >= 1024 && (attempt < 20 || System.nanoTime() < deadline);
        attempt++) {
      long before = threads.getThreadAllocatedBytes(id);
      trainer.trainEpoch(2, small, smallOrder, rng, quiet);
      long middle = threads.getThreadAllocatedBytes(id);
      trainer.trainEpoch(2, large, largeOrder, rng, quiet);
      long after = threads.getThreadAllocatedBytes(id);
      smallEpoch = middle - before;
      largeEpoch = after - middle;
      extra = largeEpoch - smallEpoch;
    }
    // 36 extra steps: even 32 bytes per step would show as over a kilobyte.
    assertThat(extra)
        .as("bytes allocated by 36 extra steps (epochs: %d and %d bytes)", smallEpoch, largeEpoch)
        .isLessThan(1024);
  }

  private static int[] order(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
