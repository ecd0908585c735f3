package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.tensor.Matrix;

/**
 * Rectified linear unit, {@code f(x) = max(0, x)}.
 *
 * <p>The derivative at 0 is taken as 0, as in PyTorch. The float32 loops are written out because
 * relu runs after nearly every hidden layer; with the Vector API in use they run on it ({@link
 * VectorRelu}), as the JIT leaves their conditional scalar.
 */
public final class ReluActivation extends ElementwiseActivation {
  /** Registers the activation as {@code relu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.NON_NEGATIVE;
    }

    public Plugin() {
      super("relu", "rectified linear unit, max(0, x)", ReluActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return x > 0 ? x : 0.0;
  }

  @Override
  protected double derivative(double x, double y) {
    return x > 0 ? 1.0 : 0.0;
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
    int n = z.size();
    int done = VectorRelu.IN_USE ? VectorRelu.forward(in, out, n) : 0;
    for (int i = done; i < n; i++) {
      float x = in[i];
      out[i] = x > 0f ? x : 0f;
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
    int n = z.size();
    int done = VectorRelu.IN_USE ? VectorRelu.backward(x, g, out, n) : 0;
    for (int i = done; i < n; i++) {
      out[i] = x[i] > 0f ? g[i] : 0f;
    }
  }
}
