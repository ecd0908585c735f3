package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.tensor.Matrix;

/** {@code f(x) = x}: the output layer of a regression, or no activation at all. */
public final class IdentityActivation extends ElementwiseActivation {
  /** Registers the activation as {@code identity}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("identity", "f(x) = x: passes values through unchanged").aliases("linear"),
          params -> new IdentityActivation());
    }
  }

  @Override
  protected double apply(double x) {
    return x;
  }

  @Override
  protected double derivative(double x, double y) {
    return 1.0;
  }

  @Override
  public void forward(Matrix z, Matrix a) {
    if (z.isDouble() || a.isDouble()) {
      super.forward(z, a);
      return;
    }
    z.requireSameShape(a);
    System.arraycopy(z.floats(), 0, a.floats(), 0, z.size());
  }

  @Override
  public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
    if (gradA.isDouble() || gradZ.isDouble()) {
      super.backward(z, a, gradA, gradZ);
      return;
    }
    z.requireSameShape(gradZ);
    if (gradA != gradZ) {
      System.arraycopy(gradA.floats(), 0, gradZ.floats(), 0, gradZ.size());
    }
  }
}
