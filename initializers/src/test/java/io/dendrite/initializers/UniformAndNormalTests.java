package io.dendrite.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Params;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code uniform}, {@code normal} and {@code truncated_normal} have the mean, spread and bounds
 * they are declared with. 200,000 draws: the mean is within 5 standard errors and the variance
 * within 2 % (about 6 standard errors).
 */
class UniformAndNormalTests {
  private static final int ROWS = 500;
  private static final int COLS = 400;
  private static final double N = ROWS * COLS;

  /** Variance of a standard normal cut at ±2: {@code 1 - 4 φ(2) / (Φ(2) - Φ(-2))}. */
  private static final double TRUNCATED_VARIANCE = 0.7737413;

  private static void hasMeanAndVariance(Matrix w, double mean, double variance) {
    assertThat(Draws.mean(w)).isCloseTo(mean, within(5 * Math.sqrt(variance / N)));
    assertThat(Draws.variance(w)).isCloseTo(variance, within(0.02 * variance));
  }

  @Test
  void uniformDefaultsToPlusMinusFiveHundredths() {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix w = Draws.draw(new UniformInitializer.Plugin(), Map.of(), ROWS, COLS, 1, doubles);
      // float32 rounding may carry a value a hair past the bound.
      double bound = 0.05 * (1 + 1e-7);
      assertThat(Draws.min(w)).isGreaterThanOrEqualTo(-bound).isLessThan(-0.0499);
      assertThat(Draws.max(w)).isLessThanOrEqualTo(bound).isGreaterThan(0.0499);
      hasMeanAndVariance(w, 0, 0.1 * 0.1 / 12);
    }
  }

  @Test
  void uniformTakesItsBounds() {
    Matrix w =
        Draws.draw(
            new UniformInitializer.Plugin(), Map.of("a", 1.0, "b", 3.0), ROWS, COLS, 2, true);
    assertThat(Draws.min(w)).isGreaterThanOrEqualTo(1).isLessThan(1.001);
    assertThat(Draws.max(w)).isLessThan(3).isGreaterThan(2.999);
    hasMeanAndVariance(w, 2, 4.0 / 12);
  }

  @Test
  void uniformRefusesBoundsInTheWrongOrder() {
    UniformInitializer.Plugin plugin = new UniformInitializer.Plugin();
    assertThatThrownBy(
            () -> plugin.create(Params.resolve(plugin.params(), Map.of("a", 0.5, "b", 0.5))))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("a (0.5) must be less than b (0.5)");
  }

  @Test
  void normalDefaultsToAStandardDeviationOfFiveHundredths() {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix w = Draws.draw(new NormalInitializer.Plugin(), Map.of(), ROWS, COLS, 3, doubles);
      hasMeanAndVariance(w, 0, 0.05 * 0.05);
    }
  }

  @Test
  void normalTakesItsMeanAndStandardDeviation() {
    Matrix w =
        Draws.draw(
            new NormalInitializer.Plugin(), Map.of("mean", -1.0, "std", 2.0), ROWS, COLS, 4, true);
    hasMeanAndVariance(w, -1, 4);
  }

  @Test
  void truncatedNormalStaysWithinTwoStandardDeviations() {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix w =
          Draws.draw(new TruncatedNormalInitializer.Plugin(), Map.of(), ROWS, COLS, 5, doubles);
      // float32 rounding may carry a value a hair past the cut.
      double bound = 0.1 * (1 + 1e-7);
      assertThat(Draws.min(w)).isGreaterThanOrEqualTo(-bound).isLessThan(-0.099);
      assertThat(Draws.max(w)).isLessThanOrEqualTo(bound).isGreaterThan(0.099);
      hasMeanAndVariance(w, 0, TRUNCATED_VARIANCE * 0.05 * 0.05);
    }
  }

  @Test
  void truncatedNormalIsCutAroundItsMean() {
    Matrix w =
        Draws.draw(
            new TruncatedNormalInitializer.Plugin(),
            Map.of("mean", 3.0, "std", 0.5),
            ROWS,
            COLS,
            6,
            true);
    assertThat(Draws.min(w)).isGreaterThanOrEqualTo(2).isLessThan(2.01);
    assertThat(Draws.max(w)).isLessThanOrEqualTo(4).isGreaterThan(3.99);
    hasMeanAndVariance(w, 3, TRUNCATED_VARIANCE * 0.25);
  }
}
