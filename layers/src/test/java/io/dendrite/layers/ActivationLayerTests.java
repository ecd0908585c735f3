package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationLayerTests extends LayerContract {
  private static final ComponentSpec TANH = ComponentSpec.of(PluginKind.ACTIVATION, "tanh");

  @Override
  protected Plugin<Layer> plugin() {
    return new ActivationLayer.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("activation", TANH);
  }

  @Test
  void handsItsActivationToTheNetworkAndPassesValuesThrough() {
    Layer layer = newInstance();
    layer.build(3, new StandIns.Context(4, false, 1));
    assertThat(layer.activation()).isEqualTo(TANH);
    assertThat(layer.outputSize()).isEqualTo(3);
    assertThat(layer.parameters()).isEmpty();
    Matrix x = Matrix.wrap(1, 3, new float[] {1, -2, 3});
    assertThat(layer.forward(x, true)).isSameAs(x);
    assertThat(layer.backward(x)).isSameAs(x);
  }

  @Test
  void needsAnActivation() {
    assertThatThrownBy(() -> Params.defaults(new ActivationLayer.Plugin().params()))
        .isInstanceOf(ParamException.class)
        .hasMessageContaining("activation");
  }
}
