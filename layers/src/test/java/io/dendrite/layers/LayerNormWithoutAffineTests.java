package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.LayerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code layer_norm} without the affine part passes the contract too, and learns nothing. */
class LayerNormWithoutAffineTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new LayerNormLayer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("elementwise_affine", false, "epsilon", 1e-3);
  }

  @Test
  void hasNoParameters() {
    Layer layer = newInstance();
    layer.build(3, new StandIns.Context(2, true, 1));
    assertThat(layer.parameters()).isEmpty();
  }
}
