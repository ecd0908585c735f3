package org.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import io.dendrite.testkit.OptimizerContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A third-party optimizer with no state code of its own passes the whole optimizer contract.
 *
 * <p>It is written on {@code ParameterwiseOptimizer}, outside Dendrite's packages; the resume check
 * passes too, so the support in core is enough for third parties.
 */
class YogiOptimizerTests extends OptimizerContract {
  @Override
  protected Plugin<Optimizer> plugin() {
    return new YogiOptimizer.Plugin();
  }

  @Test
  void stateIsNamedAfterThePluginAndComesFromTheSupportAlone() {
    Optimizer yogi = newInstance();
    Parameter p =
        new Parameter("layers.0.weight", Matrix.floats(2, 2).fill(1), Matrix.floats(2, 2));
    p.gradient().fill(0.5);
    yogi.step(List.of(p));
    yogi.step(List.of(p));
    assertThat(yogi.state())
        .containsOnlyKeys(
            "yogi.m/layers.0.weight", "yogi.v/layers.0.weight", "yogi.step/layers.0.weight");
    assertThat(yogi.state().get("yogi.step/layers.0.weight").get(0)).isEqualTo(2.0);
  }
}
