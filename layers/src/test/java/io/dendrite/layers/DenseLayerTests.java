package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.check.GradientCheck;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseLayerTests {
  /** Stands in for the initializers module, which this one does not depend on. */
  private static final Initializer UNIFORM =
      (weights, fanIn, fanOut, rng) -> {
        for (int i = 0; i < weights.size(); i++) {
          weights.set(i, rng.nextDouble() - 0.5);
        }
      };

  private static Layer dense(Map<String, Object> params, int inputs, int batch, boolean dbl) {
    Layer layer =
        new DenseLayer.Plugin().create(Params.resolve(new DenseLayer.Plugin().params(), params));
    Rng rng = new Rng(11);
    layer.build(
        inputs,
        new LayerContext() {
          @Override
          public String name() {
            return "layers.0";
          }

          @Override
          public int maxBatchRows() {
            return batch;
          }

          @Override
          public Matrix matrix(int rows, int cols) {
            return dbl ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols);
          }

          @Override
          public Kernels kernels() {
            return Kernels.singleThreaded();
          }

          @Override
          public Rng rng() {
            return new Rng(12);
          }

          @Override
          public <T> T create(ComponentSpec spec, Class<T> type) {
            return type.cast(UNIFORM);
          }
        });
    layer.initialize(rng);
    return layer;
  }

  @Test
  void passesGradientCheckInDoublePrecision() {
    Layer layer = dense(Map.of("units", 4), 5, 3, true);
    // A non-zero bias, so that its gradient is checked away from the starting point too.
    layer.parameters().get(1).value().fill(0.3);
    GradientCheck.Result result =
        GradientCheck.ofLayer(layer, GradientCheck.random(3, 5, new Rng(1)), new Rng(2));
    assertThat(result.passes()).as(result.toString()).isTrue();
    assertThat(result.maxError()).isLessThan(1e-8);
  }

  @Test
  void passesGradientCheckWithoutBias() {
    Layer layer = dense(Map.of("units", 3, "use_bias", false), 4, 2, true);
    assertThat(layer.parameters()).hasSize(1);
    GradientCheck.Result result =
        GradientCheck.ofLayer(layer, GradientCheck.random(2, 4, new Rng(5)), new Rng(6));
    assertThat(result.passes()).as(result.toString()).isTrue();
  }

  @Test
  void computesXTimesWeightTransposedPlusBias() {
    Layer layer = dense(Map.of("units", 2), 3, 1, false);
    Matrix w = layer.parameters().get(0).value();
    Matrix b = layer.parameters().get(1).value();
    float[] weights = {1, 2, 3, -1, 0, 1};
    System.arraycopy(weights, 0, w.floats(), 0, 6);
    b.set(0, 0.5);
    b.set(1, -0.5);
    Matrix y = layer.forward(Matrix.wrap(1, 3, new float[] {1, 1, 2}), false);
    assertThat(y.floats()).containsExactly(1 + 2 + 6 + 0.5f, -1 + 0 + 2 - 0.5f);
  }

  @Test
  void floatPathAgreesWithDoublePath() {
    Layer f = dense(Map.of("units", 7), 9, 4, false);
    Layer d = dense(Map.of("units", 7), 9, 4, true);
    Matrix x = GradientCheck.random(4, 9, new Rng(3));
    Matrix yf = f.forward(x.toFloats(), true);
    Matrix yd = d.forward(x, true);
    for (int i = 0; i < yd.size(); i++) {
      assertThat(yf.get(i)).isCloseTo(yd.get(i), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void reusesItsBuffersForASmallerLastBatch() {
    Layer layer = dense(Map.of("units", 2), 3, 8, false);
    Matrix full = layer.forward(Matrix.floats(8, 3), true);
    Matrix partial = layer.forward(Matrix.floats(3, 3), true);
    assertThat(partial).isSameAs(full);
    assertThat(partial.rows()).isEqualTo(3);
  }
}
