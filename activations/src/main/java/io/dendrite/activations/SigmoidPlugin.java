package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;

/** Registers {@link SigmoidActivation} as {@code sigmoid}. */
public final class SigmoidPlugin implements ActivationPlugin {
  @Override
  public String id() {
    return "sigmoid";
  }

  @Override
  public String summary() {
    return "logistic function 1 / (1 + e^-x), values in (0, 1)";
  }

  @Override
  public Activation create(Params params) {
    return new SigmoidActivation();
  }
}
