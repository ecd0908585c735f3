package io.dendrite.activations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
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
        .containsExactlyInAnyOrder(
            "identity",
            "linear",
            "relu",
            "sigmoid",
            "tanh",
            "softmax",
            "leaky_relu",
            "elu",
            "selu",
            "gelu",
            "silu",
            "swish",
            "mish",
            "softplus",
            "softsign",
            "hard_sigmoid",
            "hard_tanh",
            "relu6",
            "celu",
            "log_softmax");
  }

  @Test
  void parametersHavePyTorchsNamesAndDefaults() {
    assertThat(defaults("leaky_relu")).isEqualTo("{negative_slope=0.01}");
    assertThat(defaults("elu")).isEqualTo("{alpha=1.0}");
    assertThat(defaults("gelu")).isEqualTo("{approximate=none}");
    assertThat(defaults("softplus")).isEqualTo("{beta=1.0, threshold=20.0}");
    assertThat(defaults("hard_tanh")).isEqualTo("{min_val=-1.0, max_val=1.0}");
    assertThat(defaults("celu")).isEqualTo("{alpha=1.0}");
  }

  @Test
  void everyActivationCanBeCreatedWithItsDefaults() {
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      assertThat(p.create(Params.defaults(p.params()))).as(p.id()).isNotNull();
    }
  }

  private static String defaults(String id) {
    for (ActivationPlugin p : ServiceLoader.load(ActivationPlugin.class)) {
      if (p.id().equals(id)) {
        StringBuilder s = new StringBuilder("{");
        p.params()
            .forEach(
                param ->
                    s.append(s.length() > 1 ? ", " : "")
                        .append(param.name())
                        .append('=')
                        .append(param.defaultValue().orElseThrow()));
        return s.append('}').toString();
      }
    }
    throw new AssertionError("no activation " + id);
  }
}
