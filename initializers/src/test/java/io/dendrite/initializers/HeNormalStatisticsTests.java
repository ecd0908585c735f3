package io.dendrite.initializers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** The built-in initializers draw from the distributions their papers give. */
class HeNormalStatisticsTests {
  @Test
  void heNormalHasVarianceTwoOverFanIn() {
    Matrix w = Matrix.doubles(400, 200);
    new HeNormalInitializer.Plugin().create(Params.empty()).initialize(w, 200, 400, new Rng(1));
    double sq = 0;
    for (int i = 0; i < w.size(); i++) {
      sq += w.get(i) * w.get(i);
    }
    assertThat(sq / w.size())
        .isCloseTo(2.0 / 200, org.assertj.core.data.Percentage.withPercentage(2));
  }

  @Test
  void xavierUniformStaysWithinItsBound() {
    Matrix w = Matrix.doubles(30, 70);
    new XavierUniformInitializer.Plugin()
        .create(Params.resolve(new XavierUniformInitializer.Plugin().params(), java.util.Map.of()))
        .initialize(w, 70, 30, new Rng(2));
    double bound = Math.sqrt(6.0 / 100);
    double max = 0;
    for (int i = 0; i < w.size(); i++) {
      max = Math.max(max, Math.abs(w.get(i)));
    }
    assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
  }
}
