package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.PluginContract;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do ({@link PluginContract}: the test kit has no layer contract yet), and
 * the gradients against finite differences, in float64, on a partial batch.
 */
class ScaleLayerTests extends PluginContract<Layer> {
  @Override
  protected Plugin<Layer> plugin() {
    return new ScaleLayer.Plugin();
  }

  @Override
  protected PluginKind kind() {
    return PluginKind.LAYER;
  }

  /** What a network gives its layer, in float64 for the gradient check. */
  private record Context(int maxBatchRows) implements LayerContext {
    @Override
    public String name() {
      return "layers.0";
    }

    @Override
    public Matrix matrix(int rows, int cols) {
      return Matrix.doubles(rows, cols);
    }

    @Override
    public Kernels kernels() {
      return Kernels.singleThreaded();
    }

    @Override
    public Rng rng() {
      return new Rng(1);
    }

    @Override
    public <T> T create(ComponentSpec spec, Class<T> type) {
      throw new UnsupportedOperationException("the scale layer creates no other plugin");
    }
  }

  @Test
  void gradientsAgreeWithFiniteDifferencesOnAPartialBatch() {
    Layer layer = plugin().create(Params.defaults(plugin().params()));
    layer.build(3, new Context(8));
    layer.initialize(new Rng(2));
    Rng rng = new Rng(3);
    // Parameters away from their starting values, so that a mixed-up gradient would show.
    for (var p : layer.parameters()) {
      for (int i = 0; i < p.value().size(); i++) {
        p.value().set(i, rng.nextGaussian());
      }
    }
    Matrix input = GradientCheck.random(5, 3, rng);
    GradientCheck.Result result = GradientCheck.ofLayer(layer, input, rng);
    assertThat(result.passes()).as("%s", result).isTrue();
    assertThat(layer.parameters())
        .extracting(p -> p.name())
        .containsExactly("layers.0.weight", "layers.0.bias");
  }
}
