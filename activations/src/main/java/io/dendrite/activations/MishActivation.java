package io.dendrite.activations;

import static io.dendrite.activations.SigmoidActivation.sigmoid;
import static io.dendrite.activations.SoftplusActivation.softplus;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Mish, {@code f(x) = x tanh(softplus(x))} (Misra 2019), as {@code torch.nn.Mish}.
 *
 * <p>The derivative is {@code tanh(s) + x σ(x) (1 - tanh²(s))} with {@code s = softplus(x)}, whose
 * derivative is {@code σ(x)}; softplus is computed without overflow, so both stay finite at ±1000.
 */
public final class MishActivation extends ElementwiseActivation {
  /** Registers the activation as {@code mish}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super("mish", "x tanh(softplus(x)): a smooth, non-monotonic relu", MishActivation::new);
    }
  }

  @Override
  protected double apply(double x) {
    return x * Math.tanh(softplus(x));
  }

  @Override
  protected double derivative(double x, double y) {
    double t = Math.tanh(softplus(x));
    return t + x * sigmoid(x) * (1.0 - t * t);
  }
}
