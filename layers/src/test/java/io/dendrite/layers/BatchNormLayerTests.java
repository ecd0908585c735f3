package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerContract;
import org.junit.jupiter.api.Test;

class BatchNormLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new BatchNormLayer.Plugin();
  }

  @Override
  protected boolean trainingDiffersFromEvaluation() {
    return true;
  }

  private Layer built(int features, int rows) {
    Layer layer = newInstance();
    layer.build(features, new StandIns.Context(rows, true, 1));
    layer.initialize(new Rng(2));
    return layer;
  }

  @Test
  void namesItsTensorsAsPyTorchsStateDict() {
    Layer layer = built(3, 4);
    assertThat(layer.parameters())
        .extracting(p -> p.name())
        .containsExactly("layers.0.weight", "layers.0.bias");
    assertThat(layer.buffers())
        .extracting(Buffer::name)
        .containsExactly(
            "layers.0.running_mean", "layers.0.running_var", "layers.0.num_batches_tracked");
    assertThat(layer.buffers())
        .extracting(b -> b.value().rows() + "x" + b.value().cols())
        .containsExactly("1x3", "1x3", "1x1");
  }

  @Test
  void startsAsPyTorchDoes() {
    Layer layer = built(3, 4);
    for (int j = 0; j < 3; j++) {
      assertThat(layer.parameters().get(0).value().get(j)).isEqualTo(1);
      assertThat(layer.parameters().get(1).value().get(j)).isEqualTo(0);
      assertThat(layer.buffers().get(0).value().get(j)).isEqualTo(0);
      assertThat(layer.buffers().get(1).value().get(j)).isEqualTo(1);
    }
    assertThat(layer.buffers().get(2).value().get(0)).isEqualTo(0);
  }

  @Test
  void aBatchOfOneRowGivesTheBiasAndLeavesTheRunningStatisticsAlone() {
    Layer layer = built(3, 4);
    layer.parameters().get(1).value().set(1, 0.7);
    Matrix y = layer.forward(Matrix.wrap(1, 3, new double[] {5, -2, 9}), true);
    assertThat(y.get(0)).isEqualTo(0);
    assertThat(y.get(1)).isEqualTo(0.7);
    Matrix dx = layer.backward(Matrix.wrap(1, 3, new double[] {1, 2, 3}));
    for (int j = 0; j < 3; j++) {
      assertThat(dx.get(j)).isEqualTo(0);
      assertThat(layer.buffers().get(0).value().get(j)).isEqualTo(0);
      assertThat(layer.buffers().get(1).value().get(j)).isEqualTo(1);
    }
    assertThat(layer.buffers().get(2).value().get(0)).isEqualTo(0);
  }
}
