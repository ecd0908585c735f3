package io.dendrite.initializers;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import io.dendrite.core.tensor.Matrix;

/**
 * Uniform in {@code [a, b)}, whatever the fans, as PyTorch's {@code nn.init.uniform_}.
 *
 * <p>The bounds keep PyTorch's names but take Keras's small defaults ({@code ±0.05}) rather than
 * PyTorch's {@code [0, 1)}, which is far too large for weights.
 */
public final class UniformInitializer implements Initializer {
  static final Param<Double> A =
      Param.number("a", -0.05, "lower bound (PyTorch's name; Keras's default -0.05, not 0)");
  static final Param<Double> B =
      Param.number("b", 0.05, "upper bound, above a (PyTorch's name; Keras's default 0.05, not 1)");

  /** Registers the initializer as {@code uniform}. */
  public static final class Plugin extends InitializerPlugin.Base {
    public Plugin() {
      super(
          declare("uniform", "uniform in [a, b), by default ±0.05 as in Keras")
              .aliases("random_uniform")
              .params(A, B),
          params -> new UniformInitializer(params.get(A), params.get(B)));
    }
  }

  private final double a;
  private final double b;

  private UniformInitializer(double a, double b) {
    if (!(a < b)) {
      throw DendriteException.config(
          "initializer 'uniform': a (" + a + ") must be less than b (" + b + ")");
    }
    this.a = a;
    this.b = b;
  }

  @Override
  public void initialize(Matrix weights, int fanIn, int fanOut, Rng rng) {
    double width = b - a;
    for (int i = 0; i < weights.size(); i++) {
      weights.set(i, a + width * rng.nextDouble());
    }
  }
}
