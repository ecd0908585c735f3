package io.dendrite.activations;

import static io.dendrite.activations.SigmoidActivation.sigmoid;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.support.ElementwiseActivation;

/**
 * Sigmoid linear unit (swish), {@code f(x) = x σ(x)}, as {@code torch.nn.SiLU}.
 *
 * <p>The derivative {@code σ(x) (1 + x (1 - σ(x)))} takes {@code 1 - σ(x)} as {@code σ(-x)}, which
 * does not cancel for large {@code x}.
 */
public final class SiluActivation extends ElementwiseActivation {
  /** Registers the activation as {@code silu}. */
  public static final class Plugin extends ActivationPlugin.Base {
    @Override
    public Outputs outputs(Params params) {
      return Outputs.REAL;
    }

    public Plugin() {
      super(
          declare("silu", "sigmoid linear unit x σ(x), also called swish").aliases("swish"),
          params -> new SiluActivation());
    }
  }

  @Override
  protected double apply(double x) {
    return x * sigmoid(x);
  }

  @Override
  protected double derivative(double x, double y) {
    return sigmoid(x) * (1.0 + x * sigmoid(-x));
  }
}
