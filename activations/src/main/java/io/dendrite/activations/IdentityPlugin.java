package io.dendrite.activations;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import java.util.List;

/** Registers {@link IdentityActivation} as {@code identity}, also known as {@code linear}. */
public final class IdentityPlugin implements ActivationPlugin {
  @Override
  public String id() {
    return "identity";
  }

  @Override
  public List<String> aliases() {
    return List.of("linear");
  }

  @Override
  public String summary() {
    return "f(x) = x: passes values through unchanged";
  }

  @Override
  public Activation create(Params params) {
    return new IdentityActivation();
  }
}
