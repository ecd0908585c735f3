package io.dendrite.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code zeros}, {@code ones} and {@code constant} give exact values and draw nothing. */
class DeterministicInitializersTests {
  private static void givesExactly(
      Plugin<Initializer> plugin, Map<String, Object> params, double expected) {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix w = doubles ? Matrix.doubles(7, 3) : Matrix.floats(7, 3);
      w.fill(Double.NaN);
      Rng rng = new Rng(5);
      plugin.create(Params.resolve(plugin.params(), params)).initialize(w, 3, 7, rng);
      for (int i = 0; i < w.size(); i++) {
        assertThat(w.get(i)).as("%s value [%d]", plugin.id(), i).isEqualTo(expected);
      }
      assertThat(rng.nextLong())
          .as("%s draws nothing from the generator", plugin.id())
          .isEqualTo(new Rng(5).nextLong());
    }
  }

  @Test
  void zerosAreZero() {
    givesExactly(new ZerosInitializer.Plugin(), Map.of(), 0);
  }

  @Test
  void onesAreOne() {
    givesExactly(new OnesInitializer.Plugin(), Map.of(), 1);
  }

  @Test
  void constantIsTheGivenValue() {
    givesExactly(new ConstantInitializer.Plugin(), Map.of("value", 0.25), 0.25);
    givesExactly(new ConstantInitializer.Plugin(), Map.of("value", -3.5), -3.5);
  }

  @Test
  void constantNeedsAValue() {
    assertThatThrownBy(() -> Params.defaults(new ConstantInitializer.Plugin().params()))
        .isInstanceOf(ParamException.class)
        .hasMessageContaining("value");
  }
}
