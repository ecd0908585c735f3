package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.OptimizerPlugin;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.SchedulePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTests {
  static final List<String> OPTIMIZERS =
      List.of("sgd", "adam", "adamw", "nadam", "adamax", "rmsprop", "adagrad", "adadelta", "lion");
  static final List<String> SCHEDULES =
      List.of(
          "constant",
          "step",
          "multi_step",
          "exponential",
          "cosine",
          "linear_warmup",
          "one_cycle",
          "polynomial",
          "reduce_on_plateau");

  @Test
  void serviceLoaderFindsEveryBuiltInOptimizerOnce() {
    assertThat(builtInIds(ServiceLoader.load(OptimizerPlugin.class)))
        .containsExactlyInAnyOrderElementsOf(OPTIMIZERS);
  }

  @Test
  void serviceLoaderFindsEveryBuiltInScheduleOnce() {
    assertThat(builtInIds(ServiceLoader.load(SchedulePlugin.class)))
        .containsExactlyInAnyOrderElementsOf(SCHEDULES);
  }

  // The test sources register a third-party-style optimizer of their own (org.example).
  private static List<String> builtInIds(Iterable<? extends Plugin<?>> plugins) {
    List<String> ids = new ArrayList<>();
    for (Plugin<?> p : plugins) {
      if (p.getClass().getName().startsWith("io.dendrite.optimizers.")) {
        ids.add(p.id());
        ids.addAll(p.aliases());
      }
    }
    return ids;
  }
}
