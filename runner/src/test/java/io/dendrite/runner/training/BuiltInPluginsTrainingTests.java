package io.dendrite.runner.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.core.train.LossEvaluator;
import io.dendrite.core.train.Trainer;
import io.dendrite.core.train.TrainingListener;
import io.dendrite.core.train.TrainingResult;
import io.dendrite.runner.ExperimentLoader;
import io.dendrite.runner.TestFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in plugins working together, from a YAML file through the real registry: what the
 * plugin modules' own tests cannot show, since they never meet.
 */
class BuiltInPluginsTrainingTests {
  @TempDir Path dir;

  /** The four XOR cases: a problem no network without a hidden layer can solve. */
  public static final class XorPlugin extends DatasetPlugin.Base {
    public XorPlugin() {
      super(
          "xor4",
          "the four XOR cases",
          () ->
              context ->
                  new Examples(
                      Matrix.wrap(4, 2, new float[] {0, 0, 0, 1, 1, 0, 1, 1}),
                      Matrix.wrap(4, 1, new float[] {0, 1, 1, 0}),
                      List.of(),
                      "xor"));
    }
  }

  private static PluginRegistry registryWithXor() {
    PluginRegistry real =
        PluginRegistry.discover(BuiltInPluginsTrainingTests.class.getClassLoader());
    List<RegisteredPlugin> plugins = new ArrayList<>(real.plugins());
    plugins.add(new RegisteredPlugin(PluginKind.DATASET, new XorPlugin(), "this test"));
    return new PluginRegistry(plugins, real.problems());
  }

  private Experiment load(PluginRegistry registry, String yaml) {
    Path file = TestFiles.write(dir, "experiment.yaml", yaml);
    return new ExperimentLoader(registry).load(file, "experiment.yaml", List.of()).experiment();
  }

  @Test
  void aSmallNetworkLearnsXor() {
    PluginRegistry registry = registryWithXor();
    Experiment xor =
        load(
            registry,
            """
            name: xor
            seed: 1
            data: {train: xor4}
            model:
              layers:
                - {type: dense, units: 8, activation: tanh}
                - {type: dense, units: 1, activation: sigmoid}
            loss: mse
            optimizer: {type: adam, learning_rate: 0.05}
            training: {epochs: 400, batch_size: 4}
            metrics: [accuracy]
            """);
    TrainingResult result =
        new ExperimentTrainer(registry, Kernels.singleThreaded(), dir, dir.resolve("cache"))
            .run(xor, new TrainingListener() {}, List.of());
    EpochResult last = result.epochs().get(result.epochs().size() - 1);
    assertThat(result.epochs().get(0).train().loss()).isGreaterThan(0.2);
    assertThat(last.train().loss()).isLessThan(0.02);
    assertThat(last.train().metric("accuracy")).isEqualTo(1.0);
  }

  /**
   * Whole networks of built-in plugins, in float64, against finite differences of the loss with
   * respect to every weight: fused softmax cross-entropy and a plain sigmoid with MSE.
   */
  @Test
  void wholeNetworksPassTheGradientCheck() {
    PluginRegistry registry = registryWithXor();
    String[][] cases = {{"softmax", "cross_entropy", "4"}, {"sigmoid", "mse", "3"}};
    for (String[] c : cases) {
      Experiment e =
          load(
              registry,
              """
              name: check
              data: {train: xor4}
              model:
                layers:
                  - {type: dense, units: 5, activation: tanh}
                  - {type: dense, units: 6, activation: relu, initializer: he_normal}
                  - {type: dense, units: %s, activation: %s}
              loss: %s
              """
                  .formatted(c[2], c[0], c[1]));
      Network network =
          Network.build(e.layers(), 3, 7, true, registry, Kernels.singleThreaded(), new Rng(6))
              .initialize(new Rng(5));
      for (Parameter p : network.parameters()) {
        for (int i = 0; i < p.value().size(); i++) {
          p.value().set(i, p.value().get(i) + 0.1); // biases away from zero, relu away from kinks
        }
      }
      LossEvaluator loss =
          new LossEvaluator(registry.create(e.loss(), Loss.class), network.outputActivation());
      Rng rng = new Rng(9);
      Matrix x = Matrix.doubles(7, 3);
      Matrix y = Matrix.doubles(7, Integer.parseInt(c[2]));
      for (int i = 0; i < x.size(); i++) {
        x.set(i, rng.nextGaussian());
      }
      for (int r = 0; r < 7; r++) {
        y.set(r, rng.nextInt(y.cols()), 1.0);
      }
      Matrix grad = Matrix.doubles(7, y.cols());
      loss.backward(network, network.forward(x, true), y, grad);
      double worst = 0;
      for (Parameter p : network.parameters()) {
        Matrix analytic = p.gradient().copy();
        for (int i = 0; i < p.value().size(); i++) {
          double saved = p.value().get(i);
          p.value().set(i, saved + 1e-6);
          double plus = loss.value(network, network.forward(x, false), y);
          p.value().set(i, saved - 1e-6);
          double minus = loss.value(network, network.forward(x, false), y);
          p.value().set(i, saved);
          double numeric = (plus - minus) / 2e-6;
          worst =
              Math.max(worst, Math.abs(numeric - analytic.get(i)) / Math.max(1, Math.abs(numeric)));
        }
      }
      assertThat(loss.isFused()).isEqualTo(c[0].equals("softmax"));
      assertThat(worst).as("%s with %s", c[0], c[1]).isLessThan(1e-6);
    }
  }

  /** A training step with the built-in plugins allocates nothing once buffers are sized. */
  @Test
  void stepsWithBuiltInPluginsAllocateNothing() {
    PluginRegistry registry = registryWithXor();
    Experiment e =
        load(
            registry,
            """
            name: alloc
            data: {train: xor4}
            model:
              layers:
                - {type: dense, units: 64, activation: relu, initializer: he_normal}
                - {type: dense, units: 10, activation: softmax}
            loss: cross_entropy
            optimizer: {type: adam}
            """);
    Kernels.warmUp(3000);
    Network network =
        Network.build(e.layers(), 40, 16, false, registry, Kernels.singleThreaded(), new Rng(3))
            .initialize(new Rng(1));
    Trainer trainer =
        new Trainer(
            network,
            new LossEvaluator(registry.create(e.loss(), Loss.class), network.outputActivation()),
            registry.create(e.optimizer(), Optimizer.class),
            Map.of("accuracy", registry.create(e.metrics().get(0), Metric.class)),
            Map.of("accuracy", registry.create(e.metrics().get(0), Metric.class)),
            16,
            List.of());
    Rng rng = new Rng(2);
    Examples small = random(16 * 36 + 5, rng);
    Examples large = random(16 * 72 + 10, rng);
    int[] smallOrder = identity(small.size());
    int[] largeOrder = identity(large.size());
    TrainingListener quiet = new TrainingListener() {};
    for (int warm = 0; warm < 3; warm++) {
      trainer.trainEpoch(1, small, smallOrder, rng, quiet);
      trainer.trainEpoch(1, large, largeOrder, rng, quiet);
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    // On a loaded machine, or late in a long test JVM with a queue of methods to compile, the JIT
    // may still be compiling after the warm-up: measure again until it has settled (a real
    // per-step allocation never settles), for at most 15 seconds.
    long extra = Long.MAX_VALUE;
    long deadline = System.nanoTime() + 15_000_000_000L;
    for (int attempt = 0;
        extra >= 1024 && (attempt < 20 || System.nanoTime() < deadline);
        attempt++) {
      long before = threads.getThreadAllocatedBytes(id);
      trainer.trainEpoch(2, small, smallOrder, rng, quiet);
      long middle = threads.getThreadAllocatedBytes(id);
      trainer.trainEpoch(2, large, largeOrder, rng, quiet);
      long after = threads.getThreadAllocatedBytes(id);
      extra = (after - middle) - (middle - before);
    }
    assertThat(extra).as("bytes allocated by 36 extra steps").isLessThan(1024);
  }

  private static Examples random(int rows, Rng rng) {
    Matrix x = Matrix.floats(rows, 40);
    int[] labels = new int[rows];
    for (int i = 0; i < x.size(); i++) {
      x.set(i, rng.nextGaussian());
    }
    for (int i = 0; i < rows; i++) {
      labels[i] = rng.nextInt(10);
    }
    return Examples.classification(
        x, labels, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "random");
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
