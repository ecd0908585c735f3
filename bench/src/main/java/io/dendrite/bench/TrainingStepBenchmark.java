package io.dendrite.bench;

import io.dendrite.core.experiment.PlainExperimentReader;
import io.dendrite.core.nn.Network;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.train.LossEvaluator;
import io.dendrite.core.train.Trainer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole training step of the Fashion-MNIST benchmark network (784-256-128-10, ReLU, softmax
 * cross-entropy, Adam 1e-3, batch 64): forward, loss, backward and the optimizer's update, as
 * {@link Trainer} runs them.
 *
 * <p>With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes a step allocates: about 0 once
 * warmed up. The batch is fixed; its values do not change the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class TrainingStepBenchmark {
  @Param({"1", "2"})
  public int threads;

  @Param({"64"})
  public int batch;

  private ComputePool pool;
  private Network network;
  private Trainer trainer;
  private Optimizer optimizer;

  @Setup(Level.Trial)
  public void setUp() {
    Kernels.warmUp(3000);
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    PlainExperimentReader reader = new PlainExperimentReader(registry, "benchmark");
    List<Map<String, Object>> layers =
        List.of(
            Map.of("type", "dense", "units", 256, "activation", "relu", "initializer", "he_normal"),
            Map.of("type", "dense", "units", 128, "activation", "relu", "initializer", "he_normal"),
            Map.of("type", "dense", "units", 10, "activation", "softmax"));
    pool = ComputePool.create(threads);
    network =
        Network.build(
                layers.stream()
                    .map(l -> reader.component(PluginKind.LAYER.type(), l, "model.layers"))
                    .toList(),
                784,
                batch,
                false,
                registry,
                new Kernels(pool),
                new Rng(3))
            .initialize(new Rng(1));
    Loss loss =
        registry.create(
            reader.component(PluginKind.LOSS.type(), "cross_entropy", "loss"), Loss.class);
    optimizer =
        registry.create(
            reader.component(
                PluginKind.OPTIMIZER.type(),
                Map.of("type", "adam", "learning_rate", 0.001),
                "optimizer"),
            Optimizer.class);
    trainer =
        new Trainer(
            network,
            new LossEvaluator(loss, network.outputActivation()),
            optimizer,
            Map.of(),
            Map.of(),
            batch,
            List.of());
    SplittableRandom random = new SplittableRandom(42);
    Matrix x = trainer.batchInputs().setRows(batch);
    Matrix y = trainer.batchTargets().setRows(batch);
    for (int i = 0; i < x.size(); i++) {
      x.set(i, random.nextInt(256) / 255.0);
    }
    for (int i = 0; i < batch; i++) {
      y.set(i, random.nextInt(10), 1.0);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
  }

  /** Forward, loss, backward, Adam: one step of training. */
  @Benchmark
  public double step() {
    double loss = trainer.computeGradients();
    optimizer.stepIfFinite(network.parameters());
    return loss;
  }

  /** Forward only, as evaluation and prediction run it. */
  @Benchmark
  public Matrix forward() {
    return network.forward(trainer.batchInputs(), false);
  }
}
