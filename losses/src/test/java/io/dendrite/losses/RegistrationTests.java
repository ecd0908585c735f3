package io.dendrite.losses;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.support.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTests {
  static final List<String> IDS =
      List.of(
          "mse",
          "mae",
          "huber",
          "log_cosh",
          "binary_cross_entropy",
          "cross_entropy",
          "nll",
          "hinge",
          "squared_hinge",
          "categorical_hinge",
          "kl_divergence",
          "poisson",
          "cosine_similarity");

  @Test
  void serviceLoaderFindsEveryBuiltInLossOnce() {
    List<String> ids = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    for (LossPlugin p : ServiceLoader.load(LossPlugin.class)) {
      ids.add(p.id());
      aliases.addAll(p.aliases());
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(IDS);
    assertThat(aliases).containsExactly("l1");
  }

  @Test
  void everyLossDeclaresTheSharedReductionFirst() {
    for (LossPlugin p : ServiceLoader.load(LossPlugin.class)) {
      List<Param<?>> params = p.params();
      assertThat(params).as(p.id()).isNotEmpty();
      assertThat(params.get(0)).as(p.id()).isSameAs(Reduction.PARAM);
    }
  }
}
