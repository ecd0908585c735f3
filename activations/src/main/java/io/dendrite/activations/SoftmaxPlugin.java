package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;

/** Registers {@link SoftmaxActivation} as {@code softmax}. */
public final class SoftmaxPlugin implements ActivationPlugin {
  @Override
  public String id() {
    return "softmax";
  }

  @Override
  public String summary() {
    return "softmax over each row: a probability distribution over the classes";
  }

  @Override
  public Activation create(Params params) {
    return new SoftmaxActivation();
  }
}
