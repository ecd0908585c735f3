package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code adam} and {@code sgd} give, bit for bit, what their first versions gave.
 *
 * <p>They have since moved onto {@code ParameterwiseOptimizer}; training runs made before must
 * still reproduce exactly.
 *
 * <p>The references below are the update loops of the earlier classes, copied verbatim: the float32
 * operations in their order, without fused multiply-adds. Change them only together with a note in
 * the release that existing runs no longer reproduce.
 */
class BitIdenticalAdamAndSgdTests {
  private static final int STEPS = 60;

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("adam", Map.of()),
        Arguments.of("adam", Map.of("learning_rate", 0.01, "weight_decay", 0.1)),
        Arguments.of("adam", Map.of("learning_rate", 0.03, "beta1", 0.5, "beta2", 0.9)),
        Arguments.of("adam", Map.of("epsilon", 1e-3, "weight_decay", 0.01)),
        Arguments.of("sgd", Map.of()),
        Arguments.of("sgd", Map.of("learning_rate", 0.1, "weight_decay", 0.05)),
        Arguments.of("sgd", Map.of("learning_rate", 0.05, "momentum", 0.9)),
        Arguments.of("sgd", Map.of("momentum", 0.5, "weight_decay", 0.01)),
        Arguments.of("sgd", Map.of("momentum", 0.9, "nesterov", true, "weight_decay", 0.01)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("settings")
  void stepsAndStateAreBitIdenticalToTheEarlierLoops(String id, Map<String, Object> given) {
    OptimizerPlugin plugin =
        id.equals("adam") ? new AdamOptimizer.Plugin() : new SgdOptimizer.Plugin();
    Params params = Params.resolve(plugin.params(), given);
    Optimizer optimizer = plugin.create(params);
    Map<String, Object> values = params.toMap();
    Reference reference =
        id.equals("adam")
            ? new AdamReference(
                (Double) values.get("learning_rate"),
                (Double) values.get("beta1"),
                (Double) values.get("beta2"),
                (Double) values.get("epsilon"),
                (Double) values.get("weight_decay"))
            : new SgdReference(
                (Double) values.get("learning_rate"),
                (Double) values.get("momentum"),
                (Boolean) values.get("nesterov"),
                (Double) values.get("weight_decay"));

    List<Parameter> actual = problem();
    List<Parameter> expected = problem();
    Rng rng = new Rng(11);
    for (int step = 1; step <= STEPS; step++) {
      for (int k = 0; k < actual.size(); k++) {
        for (int i = 0; i < actual.get(k).gradient().size(); i++) {
          // Gradients over several decades, exact zeros included, as training gives.
          double g = rng.nextGaussian() * Math.pow(10, rng.nextInt(5) - 3);
          float gf = rng.nextInt(9) == 0 ? 0f : (float) g;
          actual.get(k).gradient().set(i, gf);
          expected.get(k).gradient().set(i, gf);
        }
      }
      optimizer.step(actual);
      reference.step(expected);
      for (int k = 0; k < actual.size(); k++) {
        assertBits(actual.get(k).value(), expected.get(k).value(), id + " step " + step + " " + k);
      }
    }
    reference.assertStateEquals(optimizer.state());
  }

  private static List<Parameter> problem() {
    Rng rng = new Rng(5);
    List<Parameter> params = new ArrayList<>();
    int[][] shapes = {{4, 5}, {1, 5}, {3, 4}};
    for (int k = 0; k < shapes.length; k++) {
      Matrix value = Matrix.floats(shapes[k][0], shapes[k][1]);
      for (int i = 0; i < value.size(); i++) {
        value.set(i, rng.nextGaussian());
      }
      params.add(
          new Parameter(
              "layers." + k / 2 + (k % 2 == 0 ? ".weight" : ".bias"),
              value,
              Matrix.floats(shapes[k][0], shapes[k][1])));
    }
    return params;
  }

  private static void assertBits(Matrix actual, Matrix expected, String what) {
    for (int i = 0; i < expected.size(); i++) {
      assertThat(Float.floatToRawIntBits((float) actual.get(i)))
          .as("%s [%d]: %s, earlier loops give %s", what, i, actual.get(i), expected.get(i))
          .isEqualTo(Float.floatToRawIntBits((float) expected.get(i)));
    }
  }

  private interface Reference {
    void step(List<Parameter> parameters);

    void assertStateEquals(Map<String, Matrix> state);
  }

  /** The loop of the earlier {@code AdamOptimizer.step}, verbatim. */
  private static final class AdamReference implements Reference {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float epsilon;
    private final float weightDecay;
    private final List<float[]> m = new ArrayList<>();
    private final List<float[]> v = new ArrayList<>();
    private long t;

    AdamReference(
        double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
      this.learningRate = learningRate;
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.epsilon = (float) epsilon;
      this.weightDecay = (float) weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
      float b1 = (float) beta1;
      float b2 = (float) beta2;
      float oneMinusB1 = (float) (1 - beta1);
      float oneMinusB2 = (float) (1 - beta2);
      float wd = weightDecay;
      t++;
      for (int k = 0; k < parameters.size(); k++) {
        Parameter p = parameters.get(k);
        if (m.size() <= k) {
          m.add(new float[p.value().size()]);
          v.add(new float[p.value().size()]);
        }
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
        float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));

        float[] w = p.value().floats();
        float[] g = p.gradient().floats();
        float[] ms = m.get(k);
        float[] vs = v.get(k);
        int n = p.value().size();
        for (int i = 0; i < n; i++) {
          float d = wd == 0 ? g[i] : g[i] + wd * w[i];
          float mi = b1 * ms[i] + oneMinusB1 * d;
          float vi = b2 * vs[i] + oneMinusB2 * d * d;
          ms[i] = mi;
          vs[i] = vi;
          float denominator = (float) Math.sqrt(vi) / correction2Sqrt + epsilon;
          w[i] -= stepSize * (mi / denominator);
        }
      }
    }

    @Override
    public void assertStateEquals(Map<String, Matrix> state) {
      List<Parameter> names = problem();
      for (int k = 0; k < m.size(); k++) {
        String name = names.get(k).name();
        assertBits(state.get("adam.m/" + name), Matrix.wrap(1, m.get(k).length, m.get(k)), "m");
        assertBits(state.get("adam.v/" + name), Matrix.wrap(1, v.get(k).length, v.get(k)), "v");
        assertThat(state.get("adam.step/" + name).get(0)).isEqualTo((double) t);
      }
      assertThat(state).hasSize(3 * m.size());
    }
  }

  /** The loop of the earlier {@code SgdOptimizer.step}, verbatim. */
  private static final class SgdReference implements Reference {
    private final double learningRate;
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final List<float[]> buffers = new ArrayList<>();

    SgdReference(double learningRate, double momentum, boolean nesterov, double weightDecay) {
      this.learningRate = learningRate;
      this.momentum = (float) momentum;
      this.nesterov = nesterov;
      this.weightDecay = (float) weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
      float lr = (float) learningRate;
      float wd = weightDecay;
      for (int k = 0; k < parameters.size(); k++) {
        Parameter p = parameters.get(k);
        float[] w = p.value().floats();
        float[] g = p.gradient().floats();
        int n = p.value().size();
        if (momentum == 0) {
          for (int i = 0; i < n; i++) {
            float d = wd == 0 ? g[i] : g[i] + wd * w[i];
            w[i] -= lr * d;
          }
          continue;
        }
        boolean first = buffers.size() <= k;
        if (first) {
          buffers.add(new float[n]);
        }
        float[] b = buffers.get(k);
        for (int i = 0; i < n; i++) {
          float d = wd == 0 ? g[i] : g[i] + wd * w[i];
          float buf = first ? d : momentum * b[i] + d;
          b[i] = buf;
          w[i] -= lr * (nesterov ? d + momentum * buf : buf);
        }
      }
    }

    @Override
    public void assertStateEquals(Map<String, Matrix> state) {
      List<Parameter> names = problem();
      for (int k = 0; k < buffers.size(); k++) {
        float[] b = buffers.get(k);
        assertBits(
            state.get("sgd.momentum/" + names.get(k).name()), Matrix.wrap(1, b.length, b), "b");
      }
      assertThat(state).hasSize(buffers.size());
    }
  }
}
