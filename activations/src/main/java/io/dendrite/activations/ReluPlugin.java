package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;

/** Registers {@link ReluActivation} as {@code relu}. */
public final class ReluPlugin implements ActivationPlugin {
  @Override
  public String id() {
    return "relu";
  }

  @Override
  public String summary() {
    return "rectified linear unit, max(0, x)";
  }

  @Override
  public Activation create(Params params) {
    return new ReluActivation();
  }
}
