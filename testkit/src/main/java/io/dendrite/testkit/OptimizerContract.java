package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every optimizer plugin must do. Extend it and implement {@link #plugin()}.
 *
 * <p>The checks train float32 parameters on the quadratic {@code f(p) = sum (p - c)^2}, whose
 * gradient {@code 2 (p - c)} is set before every step as a layer's backward pass would.
 *
 * <ul>
 *   <li>It <b>must</b> reduce the quadratic to less than half its starting value in 200 steps, with
 *       the parameters of {@link #parameters()}.
 *   <li>Two instances <b>must</b> be independent: interleaving them changes nothing.
 *   <li>{@code state()} copied into a fresh instance with {@code restoreState} <b>must</b> make it
 *       continue bit for bit like the original.
 *   <li>With a learning rate of 0, a step <b>must</b> leave every parameter unchanged.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class OptimizerContract extends PluginContract<Optimizer> {
  /** Steps of the minimization check. */
  protected static final int STEPS = 200;

  @Override
  protected PluginKind kind() {
    return PluginKind.OPTIMIZER;
  }

  /** A small problem: parameters, their targets {@code c}, and the optimizer's steps on it. */
  private static final class Quadratic {
    final List<Parameter> params = new ArrayList<>();
    final List<Matrix> centers = new ArrayList<>();

    Quadratic(long seed) {
      Rng rng = new Rng(seed);
      add("layers.0.weight", 3, 4, rng);
      add("layers.0.bias", 1, 3, rng);
      add("layers.1.weight", 2, 3, rng);
    }

    private void add(String name, int rows, int cols, Rng rng) {
      Matrix value = Matrix.floats(rows, cols);
      Matrix center = Matrix.floats(rows, cols);
      for (int i = 0; i < value.size(); i++) {
        value.set(i, 0.5 * rng.nextGaussian());
        center.set(i, 0.5 * rng.nextGaussian());
      }
      params.add(new Parameter(name, value, Matrix.floats(rows, cols)));
      centers.add(center);
    }

    /** Sets each gradient to {@code 2 (p - c)} and returns {@code f(p)}. */
    double evaluate() {
      double f = 0;
      for (int k = 0; k < params.size(); k++) {
        Parameter p = params.get(k);
        Matrix c = centers.get(k);
        for (int i = 0; i < p.value().size(); i++) {
          double d = p.value().get(i) - c.get(i);
          f += d * d;
          p.gradient().set(i, 2 * d);
        }
      }
      return f;
    }

    void step(Optimizer optimizer) {
      evaluate();
      optimizer.step(params);
    }

    Quadratic copyValuesFrom(Quadratic other) {
      for (int k = 0; k < params.size(); k++) {
        params.get(k).value().copyFrom(other.params.get(k).value());
      }
      return this;
    }

    void assertIdenticalTo(Quadratic other, String what) {
      for (int k = 0; k < params.size(); k++) {
        Parameter p = params.get(k);
        Matrix q = other.params.get(k).value();
        for (int i = 0; i < p.value().size(); i++) {
          assertThat(Float.floatToRawIntBits((float) p.value().get(i)))
              .as("%s: %s[%d] is %s, expected %s", what, p.name(), i, p.value().get(i), q.get(i))
              .isEqualTo(Float.floatToRawIntBits((float) q.get(i)));
        }
      }
    }
  }

  @Test
  void minimizesAQuadratic() {
    Quadratic q = new Quadratic(31);
    Optimizer optimizer = newInstance();
    double start = q.evaluate();
    for (int i = 0; i < STEPS; i++) {
      q.step(optimizer);
    }
    double end = q.evaluate();
    assertThat(end)
        .as(
            "%s: f(p) = sum (p - c)^2 after %d steps, from %s (override parameters() to choose"
                + " a learning rate)",
            plugin().id(), STEPS, start)
        .isLessThan(start / 2);
  }

  @Test
  void instancesAreIndependent() {
    Quadratic alone = new Quadratic(32);
    Optimizer reference = newInstance();
    for (int i = 0; i < 10; i++) {
      alone.step(reference);
    }

    // Same parameter names in both problems: state keyed by name must still not be shared.
    Quadratic first = new Quadratic(32);
    Quadratic second = new Quadratic(33);
    Optimizer a = newInstance();
    Optimizer b = newInstance();
    for (int i = 0; i < 10; i++) {
      first.step(a);
      second.step(b);
    }
    first.assertIdenticalTo(alone, plugin().id() + " interleaved with a second instance");
  }

  @Test
  void restoredStateContinuesBitForBit() {
    for (int before : new int[] {0, 1, 7}) {
      Quadratic original = new Quadratic(34);
      Optimizer optimizer = newInstance();
      for (int i = 0; i < before; i++) {
        original.step(optimizer);
      }
      Map<String, Matrix> state = copy(optimizer.state());
      for (Map.Entry<String, Matrix> e : state.entrySet()) {
        assertThat(e.getKey()).as("state name").isNotBlank();
        assertThat(e.getValue().allFinite()).as("state %s is finite", e.getKey()).isTrue();
      }

      Optimizer restored = newInstance();
      restored.setLearningRate(optimizer.learningRate());
      restored.restoreState(state);
      Quadratic resumed = new Quadratic(34).copyValuesFrom(original);
      for (int i = 0; i < 5; i++) {
        original.step(optimizer);
        resumed.step(restored);
      }
      resumed.assertIdenticalTo(
          original, plugin().id() + " restored after " + before + " steps, then 5 more");
    }
  }

  @Test
  void zeroLearningRateLeavesParametersUnchanged() {
    Quadratic q = new Quadratic(36);
    Optimizer optimizer = newInstance();
    for (int i = 0; i < 5; i++) {
      q.step(optimizer);
    }
    optimizer.setLearningRate(0);
    assertThat(optimizer.learningRate()).isEqualTo(0.0);
    Quadratic before = new Quadratic(99).copyValuesFrom(q);
    for (int i = 0; i < 3; i++) {
      q.step(optimizer);
    }
    q.assertIdenticalTo(before, plugin().id() + " with learning rate 0");
  }

  @Test
  void learningRateIsWhatWasSet() {
    Optimizer optimizer = newInstance();
    assertThat(optimizer.learningRate()).as("default learning rate").isPositive().isFinite();
    optimizer.setLearningRate(0.125);
    assertThat(optimizer.learningRate()).isEqualTo(0.125);
  }

  private static Map<String, Matrix> copy(Map<String, Matrix> state) {
    Map<String, Matrix> out = new LinkedHashMap<>();
    state.forEach((k, v) -> out.put(k, v.copy()));
    return out;
  }
}
