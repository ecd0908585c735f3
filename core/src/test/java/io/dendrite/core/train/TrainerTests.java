package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.nn.Network;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One trainer's epochs: the batches it draws, the losses and metrics it reports, what stops it. */
class TrainerTests {
  /** Four examples whose targets name their row: row r has targets (r, 10 + r). */
  private static final Examples DATA =
      new Examples(
          Matrix.wrap(4, 2, new float[] {0, 0, 0, 1, 1, 0, 1, 1}),
          Matrix.wrap(4, 2, new float[] {0, 10, 1, 11, 2, 12, 3, 13}),
          List.of(),
          "rows");

  @Test
  void epochVisitsTheOrderInBatchesAndWeighsTheLossByRows() {
    Recorder metric = new Recorder();
    Trainer trainer = trainer(3, metric, new TestComponents.PlainSgd(0.01));
    int[] order = {2, 0, 3, 1};
    List<Double> losses = new ArrayList<>();
    Evaluation e =
        trainer.trainEpoch(
            1,
            DATA,
            order,
            null,
            new TrainingListener() {
              @Override
              public void onStep(TrainingContext context, double loss) {
                losses.add(loss);
              }
            });
    assertThat(order).as("no rng: the order is kept").containsExactly(2, 0, 3, 1);
    assertThat(metric.batches).containsExactly(List.of(2.0, 0.0, 3.0), List.of(1.0));
    assertThat(metric.resets).isEqualTo(1);
    assertThat(losses).hasSize(2);
    assertThat(e.examples()).isEqualTo(4);
    assertThat(e.loss()).isCloseTo((3 * losses.get(0) + losses.get(1)) / 4, within(1e-12));
    assertThat(e.metrics()).containsOnlyKeys("rows");
    assertThat(e.metric("rows")).isEqualTo(4);
  }

  @Test
  void epochShufflesTheOrderWithTheRngGiven() {
    Recorder metric = new Recorder();
    Trainer trainer = trainer(4, metric, new TestComponents.PlainSgd(0.01));
    int[] order = {0, 1, 2, 3};
    int[] expected = order.clone();
    new Rng(9).shuffle(expected);
    assertThat(expected).as("seed 9 moves something").isNotEqualTo(new int[] {0, 1, 2, 3});
    trainer.trainEpoch(1, DATA, order, new Rng(9), new TrainingListener() {});
    assertThat(order).containsExactly(expected);
    assertThat(metric.batches.get(0))
        .containsExactlyElementsOf(IntStream.of(expected).mapToObj(i -> (double) i).toList());
  }

  @Test
  void fitRunsEveryEpochTimingEachAndResettingTheMetrics() {
    Recorder metric = new Recorder();
    Trainer trainer = trainer(2, metric, new TestComponents.PlainSgd(0.01));
    List<EpochResult> results =
        trainer.fit(
            DATA,
            Optional.of(DATA),
            3,
            new Rng(1),
            new TrainingListener() {
              @Override
              public void onStep(TrainingContext context, double loss) {
                sleep(15);
              }
            });
    assertThat(results).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
    assertThat(metric.resets).isEqualTo(3);
    List<Double> firstEpoch = new ArrayList<>(metric.batches.get(0));
    firstEpoch.addAll(metric.batches.get(1));
    assertThat(firstEpoch).as("every example once").containsExactlyInAnyOrder(0.0, 1.0, 2.0, 3.0);
    for (EpochResult r : results) {
      // Two steps of 15 ms each: seconds, not nanoseconds or their product.
      assertThat(r.seconds()).isBetween(0.03, 30.0);
      assertThat(r.validation()).isPresent();
    }
    assertThat(results).extracting(EpochResult::steps).containsExactly(2, 2, 2);
  }

  @Test
  void fitRefusesAnOrderOfAnotherSize() {
    Trainer trainer = trainer(2, new Recorder(), new TestComponents.PlainSgd(0.01));
    assertThatThrownBy(
            () ->
                trainer.fit(
                    DATA,
                    Optional.empty(),
                    1,
                    null,
                    new TrainingListener() {},
                    new int[3],
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an order of 3 examples for 4");
  }

  @Test
  void nonFiniteGradientFoundByTheOptimizerStopsTrainingNamingTheParameter() {
    Optimizer refusing =
        new Optimizer() {
          @Override
          public void step(List<Parameter> parameters) {}

          @Override
          public int stepIfFinite(List<Parameter> parameters) {
            return parameters.size() - 1;
          }

          @Override
          public double learningRate() {
            return 0.01;
          }

          @Override
          public void setLearningRate(double learningRate) {}
        };
    Trainer trainer = trainer(4, new Recorder(), refusing);
    assertThatThrownBy(
            () ->
                trainer.trainEpoch(
                    2, DATA, new int[] {0, 1, 2, 3}, null, new TrainingListener() {}))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("training diverged at epoch 2, step 1: the gradient of layers.0.")
        .hasMessageContaining("is not finite");
  }

  @Test
  void stepInTwoHalvesComputesTheLossThenAppliesTheGradient() {
    Recorder metric = new Recorder();
    Trainer trainer = trainer(2, metric, new TestComponents.PlainSgd(0.05));
    Matrix x = trainer.batchInputs();
    Matrix y = trainer.batchTargets();
    x.setRows(1);
    y.setRows(1);
    x.set(0, 1);
    x.set(1, -1);
    y.set(0, 5);
    y.set(1, 7);
    double before = trainer.computeGradients();
    assertThat(before).isPositive();
    assertThat(metric.batches).containsExactly(List.of(5.0));
    trainer.applyGradients();
    assertThat(trainer.computeGradients()).as("SGD lowers the loss").isLessThan(before);
  }

  private static Trainer trainer(int batch, Recorder metric, Optimizer optimizer) {
    Network network =
        Network.build(
                List.of(dense(2)),
                2,
                batch,
                false,
                new TestComponents(Map.of()),
                Kernels.singleThreaded(),
                new Rng(3))
            .initialize(new Rng(1));
    return new Trainer(
        network,
        new LossEvaluator(new TestComponents.SquaredError(), network.outputActivation()),
        optimizer,
        Map.of("rows", metric),
        Map.of("rows", new Recorder()),
        batch,
        List.of());
  }

  private static ComponentSpec dense(int units) {
    return new ComponentSpec(
        PluginKind.LAYER,
        "dense",
        Params.resolve(
            PluginRegistry.discover(TrainerTests.class.getClassLoader())
                .require(PluginKind.LAYER, "dense")
                .plugin()
                .params(),
            Map.of("units", units)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records the first target of every row of every batch; its result is the rows seen. */
  private static final class Recorder implements Metric {
    final List<List<Double>> batches = new ArrayList<>();
    int resets;
    private int rows;

    @Override
    public void reset() {
      resets++;
      rows = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      List<Double> firsts = new ArrayList<>();
      for (int r = 0; r < targets.rows(); r++) {
        firsts.add(targets.get(r, 0));
      }
      batches.add(firsts);
      rows += targets.rows();
    }

    @Override
    public MetricValue result() {
      return MetricValue.of(rows);
    }
  }
}
