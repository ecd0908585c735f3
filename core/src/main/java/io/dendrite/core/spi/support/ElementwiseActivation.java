package io.dendrite.core.spi.support;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.tensor.Matrix;

/**
 * Base for activations that act on each value alone: define {@link #apply} and {@link #derivative}
 * in doubles, and both precisions follow.
 *
 * <p>The float32 loops compute in double and round once, which is as accurate as float32 allows. A
 * subclass may override {@link #forward}/{@link #backward} with a faster float32 path; the test kit
 * checks it against this definition.
 */
public abstract class ElementwiseActivation implements Activation {
  /** {@code f(x)}. */
  protected abstract double apply(double x);

  /** {@code f'(x)}, given also {@code y = f(x)} (sigmoid and tanh are cheaper from {@code y}). */
  protected abstract double derivative(double x, double y);

  @Override
  public void forward(Matrix z, Matrix a) {
    z.requireSameShape(a);
    int n = z.size();
    if (z.isDouble() && a.isDouble()) {
      double[] in = z.doubles();
      double[] out = a.doubles();
      for (int i = 0; i < n; i++) {
        out[i] = apply(in[i]);
      }
    } else if (!z.isDouble() && !a.isDouble()) {
      float[] in = z.floats();
      float[] out = a.floats();
      for (int i = 0; i < n; i++) {
        out[i] = (float) apply(in[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        a.set(i, apply(z.get(i)));
      }
    }
  }

  @Override
  public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
    z.requireSameShape(gradZ);
    int n = z.size();
    if (!z.isDouble() && !a.isDouble() && !gradA.isDouble() && !gradZ.isDouble()) {
      float[] x = z.floats();
      float[] y = a.floats();
      float[] g = gradA.floats();
      float[] out = gradZ.floats();
      for (int i = 0; i < n; i++) {
        out[i] = (float) (g[i] * derivative(x[i], y[i]));
      }
    } else {
      for (int i = 0; i < n; i++) {
        gradZ.set(i, gradA.get(i) * derivative(z.get(i), a.get(i)));
      }
    }
  }
}
