package io.dendrite.activations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.ActivationPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTests {
  @Test
  void serviceLoaderFindsEveryBuiltInActivationOnce() {
    List<String> ids = new ArrayList<>();
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      ids.add(p.id());
      ids.addAll(p.aliases());
    }
    assertThat(ids)
        .containsExactlyInAnyOrder("identity", "linear", "relu", "sigmoid", "tanh", "softmax");
  }
}
