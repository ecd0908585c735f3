package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;

/** Registers {@link TanhActivation} as {@code tanh}. */
public final class TanhPlugin implements ActivationPlugin {
  @Override
  public String id() {
    return "tanh";
  }

  @Override
  public String summary() {
    return "hyperbolic tangent, values in (-1, 1)";
  }

  @Override
  public Activation create(Params params) {
    return new TanhActivation();
  }
}
