package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerContract;
import org.junit.jupiter.api.Test;

class LayerNormLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new LayerNormLayer.Plugin();
  }

  @Test
  void normalizesEachRowToMeanZeroAndVarianceOne() {
    Layer layer = new LayerNormLayer.Plugin().create(Params.defaults(plugin().params()));
    layer.build(4, new StandIns.Context(2, true, 1));
    layer.initialize(null);
    Matrix y = layer.forward(Matrix.wrap(2, 4, new double[] {1, 2, 3, 4, -10, 0, 10, 20}), true);
    for (int r = 0; r < 2; r++) {
      double mean = 0;
      double squares = 0;
      for (int c = 0; c < 4; c++) {
        mean += y.get(r, c) / 4;
        squares += y.get(r, c) * y.get(r, c) / 4;
      }
      assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(squares).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
    }
    assertThat(layer.parameters())
        .extracting(p -> p.name())
        .containsExactly("layers.0.weight", "layers.0.bias");
  }
}
