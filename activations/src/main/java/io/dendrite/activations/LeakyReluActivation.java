package io.dendrite.activations;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.tensor.Matrix;

/**
 * Leaky relu, {@code f(x) = x} for {@code x > 0} and {@code negative_slope * x} otherwise, as
 * {@code torch.nn.LeakyReLU}.
 *
 * <p>The derivative at 0 is {@code negative_slope}, as in PyTorch. Like relu it runs after hidden
 * layers, so its float32 loops are written out for the JIT to vectorize.
 */
public final class LeakyReluActivation extends ElementwiseActivation {
  static final Param<Double> NEGATIVE_SLOPE =
      Param.number("negative_slope", 0.01, "slope of the function for x <= 0");

  /** Registers the activation as {@code leaky_relu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("leaky_relu", "leaky relu: x for x > 0, negative_slope * x otherwise")
              .params(NEGATIVE_SLOPE),
          p -> new LeakyReluActivation(p.get(NEGATIVE_SLOPE)));
    }
  }

  private final double negativeSlope;

  LeakyReluActivation(double negativeSlope) {
    this.negativeSlope = negativeSlope;
  }

  @Override
  protected double apply(double x) {
    return x > 0 ? x : negativeSlope * x;
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0 ? 1.0 : negativeSlope;
  }

  @Override
  public void forward(Matrix z, Matrix a) {
    if (z.isDouble() || a.isDouble()) {
      super.forward(z, a);
      return;
    }
    z.requireSameShape(a);
    float[] in = z.floats();
    float[] out = a.floats();
    float slope = (float) negativeSlope;
    int n = z.size();
    for (int i = 0; i < n; i++) {
      float x = in[i];
      out[i] = x > 0f ? x : slope * x;
    }
  }

  @Override
  public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
    if (z.isDouble() || gradA.isDouble() || gradZ.isDouble()) {
      super.backward(z, a, gradA, gradZ);
      return;
    }
    z.requireSameShape(gradZ);
    float[] x = z.floats();
    float[] g = gradA.floats();
    float[] out = gradZ.floats();
    float slope = (float) negativeSlope;
    int n = z.size();
    for (int i = 0; i < n; i++) {
      out[i] = x[i] > 0f ? g[i] : slope * g[i];
    }
  }
}
