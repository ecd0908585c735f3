package io.dendrite.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.data.Examples;
import io.dendrite.core.nn.Network;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTests {
  /** Five examples of two features and two regression targets. */
  private static final Examples DATA =
      new Examples(
          Matrix.wrap(5, 2, new float[] {0, 1, 1, 0, 0.5f, 0.5f, -1, 2, 3, -2}),
          Matrix.wrap(5, 2, new float[] {1, 0, 0, 1, 0.5f, 0.25f, -1, 1, 2, 2}),
          List.of(),
          "five");

  /** Counts the rows it saw and remembers their first target, to check batches and resets. */
  static final class Rows implements Metric {
    final List<Double> firstTargets = new ArrayList<>();
    int resets;
    int updates;
    private int rows;

    @Override
    public void reset() {
      resets++;
      rows = 0;
      firstTargets.clear();
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      updates++;
      rows += output.rows();
      for (int r = 0; r < targets.rows(); r++) {
        firstTargets.add(targets.get(r, 0));
      }
    }

    @Override
    public MetricValue result() {
      return new MetricValue(rows, List.of(), List.of());
    }
  }

  private static Network network(String lastActivation) {
    var components = new TestComponents(XorRuns.components(0.1));
    Network n =
        Network.build(
            List.of(XorRuns.dense(3, "tanh"), XorRuns.dense(2, lastActivation)),
            2,
            5,
            false,
            components,
            Kernels.singleThreaded(),
            new Rng(5));
    return n.initialize(new Rng(6));
  }

  /** The mean over rows of the summed squared errors of {@code out} against {@code targets}. */
  private static double squaredError(Matrix out, Matrix targets) {
    double s = 0;
    for (int i = 0; i < out.size(); i++) {
      double d = out.get(i) - targets.get(i);
      s += d * d;
    }
    return s / out.rows();
  }

  @Test
  void theLossIsTheMeanOverEveryExampleWhateverTheBatches() {
    Network network = network(null);
    double expected =
        squaredError(network.forward(DATA.features().toMatrix(), false).copy(), DATA.targets());
    Rows rows = new Rows();
    Evaluator evaluator =
        new Evaluator(
            network,
            new LossEvaluator(new TestComponents.SquaredError(), null),
            Map.of("rows", rows),
            2);
    Evaluation e = evaluator.evaluate(DATA);
    assertThat(e.examples()).isEqualTo(5);
    assertThat(e.loss()).isCloseTo(expected, within(1e-6));
    assertThat(e.metric("rows")).isEqualTo(5);
    // every target row reached the metric, in file order
    assertThat(rows.firstTargets).containsExactly(1.0, 0.0, 0.5, -1.0, 2.0);
    Evaluation again = evaluator.evaluate(DATA);
    assertThat(again.metric("rows")).isEqualTo(5);
    assertThat(again.loss()).isEqualTo(e.loss());
    assertThat(rows.resets).isEqualTo(2);
    // batches of 2, 2 and 1 rows, twice
    assertThat(rows.updates).isEqualTo(6);
  }

  @Test
  void examplesThatFillTheLastBatchExactlyAreOneBatchEach() {
    Rows rows = new Rows();
    Evaluator evaluator =
        new Evaluator(
            network(null),
            new LossEvaluator(new TestComponents.SquaredError(), null),
            Map.of("rows", rows),
            5);
    assertThat(evaluator.evaluate(DATA).metric("rows")).isEqualTo(5);
    assertThat(rows.updates).isEqualTo(1);
  }

  @Test
  void noExamplesHaveNoLoss() {
    Evaluator evaluator =
        new Evaluator(
            network(null),
            new LossEvaluator(new TestComponents.SquaredError(), null),
            Map.of("rows", new Rows()),
            2);
    Evaluation e = evaluator.evaluate(DATA.select(new int[0]));
    assertThat(e.loss()).isNaN();
    assertThat(e.examples()).isZero();
    assertThat(e.metric("rows")).isZero();
  }

  /** Squared error that, behind tanh, fuses with it: then it sees the pre-activation outputs. */
  static final class FusingSquaredError implements Loss {
    final List<String> askedFor = new ArrayList<>();
    private final Loss plain = new TestComponents.SquaredError();

    @Override
    public double evaluate(Matrix output, Matrix targets, Matrix gradOutput) {
      return plain.evaluate(output, targets, gradOutput) + 1000;
    }

    @Override
    public Loss fusedWith(ComponentSpec activation) {
      askedFor.add(activation == null ? "null" : activation.id());
      return new TestComponents.SquaredError();
    }
  }

  @Test
  void aFusedLossSeesTheOutputBeforeTheActivationInValueAndGradient() {
    Network withTanh = network("tanh");
    Network without = network(null);
    FusingSquaredError fusing = new FusingSquaredError();
    LossEvaluator fused = new LossEvaluator(fusing, withTanh.outputActivation());
    LossEvaluator plain = new LossEvaluator(new TestComponents.SquaredError(), null);
    assertThat(fused.isFused()).isTrue();
    assertThat(plain.isFused()).isFalse();
    assertThat(fusing.askedFor).containsExactly("tanh");

    Matrix x = DATA.features().toMatrix();
    Matrix grad = Matrix.floats(5, 2);
    Matrix outTanh = withTanh.forward(x, true);
    double fusedValue = fused.value(withTanh, outTanh, DATA.targets());
    double fusedBackward = fused.backward(withTanh, outTanh, DATA.targets(), grad);
    Matrix outPlain = without.forward(x, true);
    double plainValue = plain.value(without, outPlain, DATA.targets());
    double plainBackward = plain.backward(without, outPlain, DATA.targets(), Matrix.floats(5, 2));

    assertThat(fusedValue).isEqualTo(plainValue).isEqualTo(fusedBackward).isEqualTo(plainBackward);
    assertThat(fusedValue).isCloseTo(squaredError(outPlain, DATA.targets()), within(1e-6));
    assertThat(gradients(withTanh)).usingRecursiveComparison().isEqualTo(gradients(without));
  }

  @Test
  void aLossThatDoesNotFuseSeesTheActivatedOutput() {
    Network withTanh = network("tanh");
    LossEvaluator plain =
        new LossEvaluator(new TestComponents.SquaredError(), withTanh.outputActivation());
    assertThat(plain.isFused()).isFalse();
    Matrix out = withTanh.forward(DATA.features().toMatrix(), true);
    double expected = squaredError(out, DATA.targets());
    assertThat(plain.value(withTanh, out, DATA.targets())).isCloseTo(expected, within(1e-6));
    assertThat(expected)
        .isNotCloseTo(squaredError(withTanh.preActivationOutput(), DATA.targets()), within(1e-3));
    double viaBackward = plain.backward(withTanh, out, DATA.targets(), Matrix.floats(5, 2));
    assertThat(viaBackward).isCloseTo(expected, within(1e-6));
    assertThat(gradients(withTanh).get(0)).isNotEqualTo(new float[6]);
  }

  @Test
  void withoutAnOutputActivationNothingIsFused() {
    FusingSquaredError fusing = new FusingSquaredError();
    assertThat(new LossEvaluator(fusing, null).isFused()).isFalse();
    assertThat(fusing.askedFor).isEmpty();
  }

  private static List<float[]> gradients(Network network) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      out.add(p.gradient().floats().clone());
    }
    return out;
  }
}
