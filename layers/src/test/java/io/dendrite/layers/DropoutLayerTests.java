package io.dendrite.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.LayerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutLayerTests extends LayerContract {
  @Override
  protected Plugin<Layer> plugin() {
    return new DropoutLayer.Plugin();
  }

  @Override
  protected boolean isRandomInTraining() {
    return true;
  }

  private static Layer dropout(double rate, int rows, int cols, boolean doubles, long seed) {
    Layer layer =
        new DropoutLayer.Plugin()
            .create(Params.resolve(new DropoutLayer.Plugin().params(), Map.of("rate", rate)));
    layer.build(cols, new StandIns.Context(rows, doubles, seed));
    return layer;
  }

  private static Matrix ones(int rows, int cols, boolean doubles) {
    return (doubles ? Matrix.doubles(rows, cols) : Matrix.floats(rows, cols)).fill(1);
  }

  /** 200,000 values: the kept fraction is within 0.01 (about 7 standard errors). */
  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.9})
  void keepsOneMinusRateOfTheValuesScaledByItsInverse(double rate) {
    for (boolean doubles : new boolean[] {true, false}) {
      Layer layer = dropout(rate, 400, 500, doubles, 1);
      Matrix y = layer.forward(ones(400, 500, doubles), true);
      double scale = doubles ? 1 / (1 - rate) : (float) (1 / (1 - rate));
      int kept = 0;
      double sum = 0;
      for (int i = 0; i < y.size(); i++) {
        double v = y.get(i);
        if (v != 0) {
          assertThat(v).as("a kept value").isEqualTo(scale);
          kept++;
        }
        sum += v;
      }
      assertThat(kept / (double) y.size()).isCloseTo(1 - rate, within(0.01));
      // Inverted dropout: the mean is kept, so evaluation needs no rescaling.
      assertThat(sum / y.size()).isCloseTo(1, within(0.01 / (1 - rate)));
    }
  }

  @Test
  void isTheIdentityInEvaluation() {
    Layer layer = dropout(0.5, 4, 3, false, 2);
    Matrix x = Matrix.wrap(2, 3, new float[] {1, -2, 3, 4, 5, -6});
    assertThat(layer.forward(x, false)).isSameAs(x);
    Matrix g = Matrix.wrap(2, 3, new float[] {1, 1, 1, 1, 1, 1});
    assertThat(layer.backward(g)).isSameAs(g);
    assertThat(x.floats()).containsExactly(1, -2, 3, 4, 5, -6);
  }

  @Test
  void rateZeroKeepsEverythingAndDrawsNothing() {
    Layer layer = dropout(0, 4, 3, true, 3);
    Matrix x = ones(4, 3, true);
    assertThat(layer.forward(x, true)).isSameAs(x);
  }

  @Test
  void backwardUsesTheMaskOfTheForward() {
    Layer layer = dropout(0.4, 50, 20, true, 4);
    Matrix y = layer.forward(ones(50, 20, true), true).copy();
    Matrix g = ones(50, 20, true);
    for (int i = 0; i < g.size(); i++) {
      g.set(i, i % 7 - 3);
    }
    Matrix dx = layer.backward(g);
    for (int i = 0; i < dx.size(); i++) {
      assertThat(dx.get(i)).isEqualTo(g.get(i) * y.get(i));
    }
  }

  @Test
  void theSameSeedGivesTheSameMasksAndAnotherSeedOthers() {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix a = dropout(0.5, 10, 30, doubles, 7).forward(ones(10, 30, doubles), true);
      Matrix b = dropout(0.5, 10, 30, doubles, 7).forward(ones(10, 30, doubles), true);
      Matrix c = dropout(0.5, 10, 30, doubles, 8).forward(ones(10, 30, doubles), true);
      int differ = 0;
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i)).isEqualTo(a.get(i));
        differ += a.get(i) != c.get(i) ? 1 : 0;
      }
      assertThat(differ).isGreaterThan(100);
    }
  }

  @Test
  void masksDependOnlyOnTheStreamNotOnThePrecision() {
    Matrix d = dropout(0.3, 10, 30, true, 9).forward(ones(10, 30, true), true);
    Matrix f = dropout(0.3, 10, 30, false, 9).forward(ones(10, 30, false), true);
    for (int i = 0; i < d.size(); i++) {
      assertThat(f.get(i) == 0).isEqualTo(d.get(i) == 0);
    }
  }
}
