package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.OptimizerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTests {
  @Test
  void serviceLoaderFindsEveryBuiltInOptimizerOnce() {
    List<String> ids = new ArrayList<>();
    for (OptimizerPlugin p : ServiceLoader.load(OptimizerPlugin.class)) {
      ids.add(p.id());
      ids.addAll(p.aliases());
    }
    assertThat(ids).containsExactlyInAnyOrder("sgd", "adam");
  }
}
