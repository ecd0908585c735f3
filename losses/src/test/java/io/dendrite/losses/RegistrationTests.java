package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.LossPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTests {
  @Test
  void serviceLoaderFindsEveryBuiltInLossOnce() {
    List<String> ids = new ArrayList<>();
    for (LossPlugin p : ServiceLoader.load(LossPlugin.class)) {
      ids.add(p.id());
      ids.addAll(p.aliases());
    }
    assertThat(ids).containsExactlyInAnyOrder("mse", "cross_entropy", "binary_cross_entropy");
  }
}
