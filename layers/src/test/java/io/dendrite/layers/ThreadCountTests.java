package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every layer gives the same bits, training and evaluating, on one thread or three. */
class ThreadCountTests {

  /** Before any float32 kernel runs in this JVM: see LayerContract.warmUpKernels. */
  @BeforeAll
  static void warmUpKernels() {
    Kernels.warmUp(3000);
  }

  private static List<Matrix> run(
      Plugin<Layer> plugin, Map<String, Object> params, Kernels kernels) {
    Layer layer = plugin.create(Params.resolve(plugin.params(), params));
    layer.build(70, new StandIns.Context(64, false, 5, kernels));
    layer.initialize(new Rng(6));
    Rng rng = new Rng(7);
    List<Matrix> results = new ArrayList<>();
    for (int step = 0; step < 3; step++) {
      Matrix x = Matrix.floats(64, 70);
      for (int i = 0; i < x.size(); i++) {
        x.set(i, rng.nextGaussian());
      }
      for (boolean training : new boolean[] {true, false}) {
        Matrix y = layer.forward(x, training);
        results.add(y.copy());
        Matrix g = y.like(y.rows(), y.cols());
        for (int i = 0; i < g.size(); i++) {
          g.set(i, rng.nextGaussian());
        }
        results.add(layer.backward(g).copy());
        layer.parameters().forEach(p -> results.add(p.gradient().copy()));
        layer.buffers().forEach(b -> results.add(b.value().copy()));
      }
    }
    return results;
  }

  private static void sameBits(Plugin<Layer> plugin, Map<String, Object> params) {
    List<Matrix> one = run(plugin, params, Kernels.singleThreaded());
    List<Matrix> three;
    try (ComputePool pool = ComputePool.create(3)) {
      three = run(plugin, params, new Kernels(pool));
    }
    assertThat(three).hasSameSizeAs(one);
    for (int m = 0; m < one.size(); m++) {
      assertThat(three.get(m).floats())
          .as("%s result %d", plugin.id(), m)
          .containsExactly(one.get(m).floats());
    }
  }

  @Test
  void everyLayerGivesTheSameBitsOnOneThreadOrThree() {
    sameBits(new DenseLayer.Plugin(), Map.of("units", 90));
    sameBits(new DropoutLayer.Plugin(), Map.of("rate", 0.3));
    sameBits(new BatchNormLayer.Plugin(), Map.of());
    sameBits(new LayerNormLayer.Plugin(), Map.of());
    sameBits(
        new ActivationLayer.Plugin(),
        Map.of("activation", ComponentSpec.of(PluginKind.ACTIVATION, "relu")));
  }
}
