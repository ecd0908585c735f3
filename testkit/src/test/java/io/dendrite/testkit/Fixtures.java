package io.dendrite.testkit;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.spi.Loss;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.spi.support.RowwiseLoss;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Small, correct plugins of every kind that the contracts are run against, and a way to wrap any
 * instance in a plugin for the self-tests that feed the contracts broken ones.
 */
final class Fixtures {
  private Fixtures() {}

  /** Softplus, {@code log(1 + e^x)}: smooth everywhere, so no kinks. */
  static final class Softplus extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    protected double derivative(double x, double y) {
      return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class SoftplusPlugin implements ActivationPlugin {
    @Override
    public String id() {
      return "test_softplus";
    }

    @Override
    public Activation create(Params params) {
      return new Softplus();
    }
  }

  /** Mean absolute error over all values: kinks where output equals target, avoided by samples. */
  static final class MeanAbsoluteError extends RowwiseLoss {
    @Override
    protected double row(double[] output, double[] target, double[] grad, int n) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double d = output[i] - target[i];
        sum += Math.abs(d);
        if (grad != null) {
          grad[i] = Math.signum(d) / n;
        }
      }
      return sum / n;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class MeanAbsoluteErrorPlugin implements LossPlugin {
    @Override
    public String id() {
      return "test_mae";
    }

    @Override
    public Loss create(Params params) {
      return new MeanAbsoluteError();
    }
  }

  /** Plain gradient descent with a declared learning rate; no state. */
  static class GradientDescent implements Optimizer {
    double learningRate;

    GradientDescent(double learningRate) {
      this.learningRate = learningRate;
    }

    @Override
    public void step(List<Parameter> parameters) {
      for (Parameter p : parameters) {
        for (int i = 0; i < p.value().size(); i++) {
          p.value().set(i, p.value().get(i) - learningRate * p.gradient().get(i));
        }
      }
    }

    @Override
    public double learningRate() {
      return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
      this.learningRate = learningRate;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class GradientDescentPlugin implements OptimizerPlugin {
    static final Param<Double> LEARNING_RATE =
        Param.number("learning_rate", 0.05, "step size").greaterThan(0);

    @Override
    public String id() {
      return "test_gradient_descent";
    }

    @Override
    public List<Param<?>> params() {
      return List.of(LEARNING_RATE);
    }

    @Override
    public Optimizer create(Params params) {
      return new GradientDescent(params.get(LEARNING_RATE));
    }
  }

  /** Uniform in [-1/sqrt(fanIn), 1/sqrt(fanIn)). */
  static final class Uniform implements Initializer {
    @Override
    public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
      double bound = 1 / Math.sqrt(fanIn);
      for (int i = 0; i < weights.size(); i++) {
        weights.set(i, (2 * rng.nextDouble() - 1) * bound);
      }
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class UniformPlugin implements InitializerPlugin {
    @Override
    public String id() {
      return "test_uniform";
    }

    @Override
    public Initializer create(Params params) {
      return new Uniform();
    }
  }

  /** A plugin, not registered anywhere, that makes instances with {@code factory}. */
  static <T> TestPlugin<T> plugin(String id, Supplier<T> factory) {
    return new TestPlugin<>(id, factory);
  }

  /** See {@link #plugin}. */
  record TestPlugin<T>(String id, Supplier<T> factory) implements io.dendrite.core.spi.Plugin<T> {
    @Override
    public T create(Params params) {
      return factory.get();
    }
  }

  /** The activation spec a loss is fused with. */
  static ComponentSpec activation(String id) {
    return new ComponentSpec(io.dendrite.core.spi.PluginKind.ACTIVATION, id, Params.empty());
  }
}
