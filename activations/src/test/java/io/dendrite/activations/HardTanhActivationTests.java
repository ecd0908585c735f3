package io.dendrite.activations;

import static io.dendrite.activations.ActivationRuns.backward;
import static io.dendrite.activations.ActivationRuns.floatRow;
import static io.dendrite.activations.ActivationRuns.forward;
import static io.dendrite.activations.ActivationRuns.row;
import static io.dendrite.activations.ActivationRuns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardTanhActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new HardTanhActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of(-1.0, 1.0);
  }

  @Test
  void clipsAndHasSlopeZeroAtTheEnds() {
    for (Matrix z : new Matrix[] {row(-5, -1, 0.25, 1, 5), floatRow(-5, -1, 0.25, 1, 5)}) {
      assertThat(values(forward(new HardTanhActivation(-1, 1), z)))
          .containsExactly(-1, -1, 0.25, 1, 1);
      assertThat(values(backward(new HardTanhActivation(-1, 1), z, z.like(1, 5).fill(2))))
          .containsExactly(0, 0, 2, 0, 0);
    }
  }

  @Test
  void refusesAnEmptyRangeWhenCreated() {
    HardTanhActivation.Plugin plugin = new HardTanhActivation.Plugin();
    for (Map<String, Object> given :
        List.<Map<String, Object>>of(
            Map.of("min_val", 1.0, "max_val", 1.0), Map.of("min_val", 2.0, "max_val", -2.0))) {
      assertThatThrownBy(() -> plugin.create(Params.resolve(plugin.params(), given)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("min_val < max_val")
          .hasMessageContaining("min_val is " + given.get("min_val"));
    }
  }
}
