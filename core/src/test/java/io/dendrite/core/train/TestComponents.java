package io.dendrite.core.train;

import io.dendrite.core.data.Examples;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.spi.support.RowwiseLoss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Minimal stand-ins for the plugin modules, which core's tests cannot depend on: enough to train a
 * network with core alone. Core's own plugins (dense, initializers, accuracy) come from the real
 * registry.
 */
final class TestComponents implements ComponentFactory {
  private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
  private final Map<String, Supplier<Object>> local;

  TestComponents(Map<String, Supplier<Object>> local) {
    this.local = local;
  }

  static ComponentSpec spec(PluginKind kind, String id) {
    return ComponentSpec.of(kind, id);
  }

  @Override
  public <T> T create(ComponentSpec spec, Class<T> type) {
    Supplier<Object> s = local.get(spec.id());
    return s != null ? type.cast(s.get()) : registry.create(spec, type);
  }

  static final class Tanh extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    protected double derivative(double x, double y) {
      return 1 - y * y;
    }
  }

  static final class SquaredError extends RowwiseLoss {
    @Override
    protected double row(double[] output, double[] target, double[] grad, int n) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double d = output[i] - target[i];
        s += d * d;
        if (grad != null) {
          grad[i] = 2 * d;
        }
      }
      return s;
    }
  }

  static final class PlainSgd implements Optimizer {
    private double rate;

    PlainSgd(double rate) {
      this.rate = rate;
    }

    @Override
    public void step(List<Parameter> parameters) {
      for (int k = 0; k < parameters.size(); k++) {
        Parameter p = parameters.get(k);
        for (int i = 0; i < p.value().size(); i++) {
          p.value().set(i, p.value().get(i) - rate * p.gradient().get(i));
        }
      }
    }

    @Override
    public double learningRate() {
      return rate;
    }

    @Override
    public void setLearningRate(double learningRate) {
      rate = learningRate;
    }
  }

  /** SGD with momentum 0.9: its velocities are state a checkpoint must carry. */
  static final class Momentum implements Optimizer {
    private final double rate;
    private final Map<String, Matrix> velocity = new java.util.LinkedHashMap<>();

    Momentum(double rate) {
      this.rate = rate;
    }

    @Override
    public void step(List<Parameter> parameters) {
      for (int k = 0; k < parameters.size(); k++) {
        Parameter p = parameters.get(k);
        Matrix v =
            velocity.computeIfAbsent(
                "v" + k, key -> Matrix.floats(p.value().rows(), p.value().cols()));
        for (int i = 0; i < v.size(); i++) {
          v.set(i, 0.9 * v.get(i) + p.gradient().get(i));
          p.value().set(i, p.value().get(i) - rate * v.get(i));
        }
      }
    }

    @Override
    public double learningRate() {
      return rate;
    }

    @Override
    public void setLearningRate(double learningRate) {}

    @Override
    public Map<String, Matrix> state() {
      Map<String, Matrix> out = new java.util.LinkedHashMap<>();
      velocity.forEach((k, v) -> out.put(k, v.copy()));
      return out;
    }

    @Override
    public void restoreState(Map<String, Matrix> state) {
      velocity.clear();
      state.forEach((k, v) -> velocity.put(k, v.copy()));
    }
  }

  /** The four XOR examples as a regression problem with one target column. */
  static Dataset xor() {
    return context ->
        new Examples(
            Matrix.wrap(4, 2, new float[] {0, 0, 0, 1, 1, 0, 1, 1}),
            Matrix.wrap(4, 1, new float[] {0, 1, 1, 0}),
            List.of(),
            "xor");
  }

  /** XOR's four examples, {@code times} over: 4 × times rows. */
  static Dataset repeatedXor(int times) {
    return context -> {
      float[] x = new float[8 * times];
      float[] y = new float[4 * times];
      float[] xs = {0, 0, 0, 1, 1, 0, 1, 1};
      float[] ys = {0, 1, 1, 0};
      for (int t = 0; t < times; t++) {
        System.arraycopy(xs, 0, x, 8 * t, 8);
        System.arraycopy(ys, 0, y, 4 * t, 4);
      }
      return new Examples(
          Matrix.wrap(4 * times, 2, x), Matrix.wrap(4 * times, 1, y), List.of(), "xor x" + times);
    };
  }
}
