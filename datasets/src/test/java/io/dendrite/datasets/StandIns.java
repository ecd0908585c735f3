package io.dendrite.datasets;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.spi.support.RowwiseActivation;
import io.dendrite.core.spi.support.RowwiseLoss;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Minimal stand-ins, with the real ids, for the plugins this module's tests cannot depend on.
 *
 * <p>Layers, activations, losses, optimizers and metrics live in modules of their own; these are
 * enough to train a network with core's trainer. Datasets and preprocessors come from the real
 * registry, as in a run.
 */
final class StandIns implements ComponentFactory {
  private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
  private final Map<String, Supplier<Object>> local = new HashMap<>();

  /** Stand-ins with Adam at {@code learningRate}. */
  StandIns(double learningRate) {
    local.put("xavier_uniform", () -> xavier());
    local.put("tanh", Tanh::new);
    local.put("relu", Relu::new);
    local.put("softmax", Softmax::new);
    local.put("cross_entropy", CrossEntropy::new);
    local.put("mse", SquaredError::new);
    local.put("adam", () -> new Adam(learningRate));
    local.put("accuracy", Accuracy::new);
    local.put("r2", R2::new);
  }

  @Override
  public <T> T create(ComponentSpec spec, Class<T> type) {
    if (spec.kind() == PluginKind.LAYER) {
      return type.cast(new Dense(spec.params().get(Dense.UNITS), activation(spec)));
    }
    Supplier<Object> s = local.get(spec.id());
    return s != null ? type.cast(s.get()) : registry.create(spec, type);
  }

  private static ComponentSpec activation(ComponentSpec dense) {
    return dense.params().has(Dense.ACTIVATION) ? dense.params().get(Dense.ACTIVATION) : null;
  }

  /** A dense layer spec: {@code units} outputs, then {@code activation} (or none). */
  static ComponentSpec dense(int units, String activation) {
    Map<String, Object> p = new HashMap<>();
    p.put("units", units);
    if (activation != null) {
      p.put("activation", ComponentSpec.of(PluginKind.ACTIVATION, activation));
    }
    return new ComponentSpec(PluginKind.LAYER, "dense", Params.resolve(Dense.PARAMS, p));
  }

  private static Initializer xavier() {
    return (weights, fanIn, fanOut, rng) -> {
      double bound = Math.sqrt(6.0 / (fanIn + fanOut));
      for (int i = 0; i < weights.size(); i++) {
        weights.set(i, (2 * rng.nextDouble() - 1) * bound);
      }
    };
  }

  /** {@code y = x·Wᵀ + b}, then the activation, with Glorot-uniform weights. */
  static final class Dense implements Layer {
    static final Param<Integer> UNITS =
        Param.integer("units", 1, "number of outputs").atLeast(1).required();
    static final Param<ComponentSpec> ACTIVATION =
        PluginKind.ACTIVATION.param("activation", null, "applied to the outputs").optional();
    static final List<Param<?>> PARAMS = List.of(UNITS, ACTIVATION);

    private final int units;
    private final ComponentSpec activation;
    private Kernels kernels;
    private Initializer initializer;
    private int inputs;
    private Parameter weight;
    private Parameter bias;
    private Matrix output;
    private Matrix gradInput;
    private Matrix input;

    Dense(int units, ComponentSpec activation) {
      this.units = units;
      this.activation = activation;
    }

    @Override
    public void build(int inputSize, LayerContext context) {
      inputs = inputSize;
      kernels = context.kernels();
      initializer = xavier();
      weight =
          new Parameter(
              context.name() + ".weight",
              context.matrix(units, inputSize),
              context.matrix(units, inputSize));
      bias =
          new Parameter(
              context.name() + ".bias", context.matrix(1, units), context.matrix(1, units));
      output = context.matrix(context.maxBatchRows(), units);
      gradInput = context.matrix(context.maxBatchRows(), inputSize);
    }

    @Override
    public void initialize(Rng rng) {
      initializer.initialize(weight.value(), inputs, units, rng);
    }

    @Override
    public int outputSize() {
      return units;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(weight, bias);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
      input = x;
      Matrix y = output.setRows(x.rows());
      kernels.multiplyTransposedB(x, weight.value(), y);
      kernels.addRowVector(y, bias.value());
      return y;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
      kernels.multiplyTransposedA(gradOutput, input, weight.gradient());
      kernels.sumRows(gradOutput, bias.gradient());
      Matrix dx = gradInput.setRows(gradOutput.rows());
      kernels.multiply(gradOutput, weight.value(), dx);
      return dx;
    }

    @Override
    public ComponentSpec activation() {
      return activation;
    }
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

  static final class Relu extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return Math.max(0, x);
    }

    @Override
    protected double derivative(double x, double y) {
      return x > 0 ? 1 : 0;
    }
  }

  static final class Softmax extends RowwiseActivation {
    @Override
    protected void forwardRow(double[] z, double[] a, int n) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, z[i]);
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        a[i] = Math.exp(z[i] - max);
        sum += a[i];
      }
      for (int i = 0; i < n; i++) {
        a[i] /= sum;
      }
    }

    @Override
    protected void backwardRow(double[] z, double[] a, double[] gradA, double[] gradZ, int n) {
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += gradA[i] * a[i];
      }
      for (int i = 0; i < n; i++) {
        gradZ[i] = a[i] * (gradA[i] - dot);
      }
    }
  }

  static final class CrossEntropy extends RowwiseLoss {
    @Override
    protected double row(double[] output, double[] target, double[] grad, int n) {
      double loss = 0;
      for (int i = 0; i < n; i++) {
        double p = Math.max(output[i], 1e-12);
        loss -= target[i] * Math.log(p);
        if (grad != null) {
          grad[i] = -target[i] / p;
        }
      }
      return loss;
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

  static final class Adam implements Optimizer {
    private final Map<String, double[][]> moments = new HashMap<>();
    private double rate;
    private int steps;

    Adam(double rate) {
      this.rate = rate;
    }

    @Override
    public void step(List<Parameter> parameters) {
      steps++;
      double c1 = 1 - Math.pow(0.9, steps);
      double c2 = 1 - Math.pow(0.999, steps);
      for (Parameter p : parameters) {
        int n = p.value().size();
        double[][] mv =
            moments.computeIfAbsent(p.name(), k -> new double[][] {new double[n], new double[n]});
        for (int i = 0; i < n; i++) {
          double g = p.gradient().get(i);
          mv[0][i] = 0.9 * mv[0][i] + 0.1 * g;
          mv[1][i] = 0.999 * mv[1][i] + 0.001 * g * g;
          double update = rate * (mv[0][i] / c1) / (Math.sqrt(mv[1][i] / c2) + 1e-8);
          p.value().set(i, p.value().get(i) - update);
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

  /** The fraction of rows whose largest output is the target's. */
  static final class Accuracy implements Metric {
    private long correct;
    private long seen;

    @Override
    public void reset() {
      correct = 0;
      seen = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      for (int r = 0; r < output.rows(); r++) {
        if (argmax(output, r) == argmax(targets, r)) {
          correct++;
        }
      }
      seen += output.rows();
    }

    private static int argmax(Matrix m, int row) {
      int best = 0;
      for (int c = 1; c < m.cols(); c++) {
        if (m.get(row, c) > m.get(row, best)) {
          best = c;
        }
      }
      return best;
    }

    @Override
    public MetricValue result() {
      return MetricValue.of(seen == 0 ? Double.NaN : (double) correct / seen);
    }
  }

  /** The coefficient of determination of a single target column. */
  static final class R2 implements Metric {
    private double sum;
    private double sumSquares;
    private double residual;
    private long seen;

    @Override
    public void reset() {
      sum = 0;
      sumSquares = 0;
      residual = 0;
      seen = 0;
    }

    @Override
    public void update(Matrix output, Matrix targets) {
      for (int r = 0; r < output.rows(); r++) {
        double t = targets.get(r, 0);
        double d = output.get(r, 0) - t;
        sum += t;
        sumSquares += t * t;
        residual += d * d;
        seen++;
      }
    }

    @Override
    public MetricValue result() {
      double mean = sum / seen;
      double total = sumSquares - seen * mean * mean;
      return MetricValue.of(seen == 0 ? Double.NaN : 1 - residual / total);
    }
  }
}
