package io.dendrite.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Glorot, He and LeCun initializers have mean 0 and the variance their papers give, scaled by
 * the right fan; the uniform ones stay within their bound. The shape is far from square, so that
 * using the wrong fan shows. 200,000 draws: the variance is within 2 % (about 6 standard errors).
 */
class FanScaledInitializersTests {
  private static final int FAN_OUT = 250;
  private static final int FAN_IN = 800;

  /** How a variance follows from (fanIn, fanOut). */
  private interface Variance extends BiFunction<Integer, Integer, Double> {}

  static Stream<Arguments> initializers() {
    Variance glorot = (in, out) -> 2.0 / (in + out);
    Variance he = (in, out) -> 2.0 / in;
    Variance lecun = (in, out) -> 1.0 / in;
    return Stream.of(
        Arguments.of(new XavierUniformInitializer.Plugin(), Map.of(), glorot, true),
        Arguments.of(
            new XavierUniformInitializer.Plugin(), Map.of("gain", 2.0), times(4, glorot), true),
        Arguments.of(new XavierNormalInitializer.Plugin(), Map.of(), glorot, false),
        Arguments.of(
            new XavierNormalInitializer.Plugin(), Map.of("gain", 0.5), times(0.25, glorot), false),
        Arguments.of(new HeUniformInitializer.Plugin(), Map.of(), he, true),
        Arguments.of(new HeNormalInitializer.Plugin(), Map.of(), he, false),
        Arguments.of(new LecunUniformInitializer.Plugin(), Map.of(), lecun, true),
        Arguments.of(new LecunNormalInitializer.Plugin(), Map.of(), lecun, false));
  }

  private static Variance times(double factor, Variance v) {
    return (in, out) -> factor * v.apply(in, out);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("initializers")
  void hasMeanZeroAndTheDeclaredVariance(
      Plugin<Initializer> plugin, Map<String, Object> params, Variance variance, boolean uniform) {
    for (boolean doubles : new boolean[] {true, false}) {
      Matrix w = Draws.draw(plugin, params, FAN_OUT, FAN_IN, 7, doubles);
      double expected = variance.apply(FAN_IN, FAN_OUT);
      double n = FAN_OUT * FAN_IN;
      assertThat(Draws.mean(w)).isCloseTo(0, within(5 * Math.sqrt(expected / n)));
      assertThat(Draws.variance(w)).isCloseTo(expected, within(0.02 * expected));
      if (uniform) {
        // Uniform in ±b has variance b²/3; float32 rounding may carry a value a hair past b.
        double bound = Math.sqrt(3 * expected) * (1 + 1e-7);
        assertThat(Draws.max(w)).isLessThanOrEqualTo(bound).isGreaterThan(0.999 * bound);
        assertThat(Draws.min(w)).isGreaterThanOrEqualTo(-bound).isLessThan(-0.999 * bound);
      }
    }
  }

  /** {@code he_normal} and {@code xavier_uniform} were built in before: their draws are kept. */
  @Test
  void heNormalKeepsItsDraws() {
    Matrix w = Draws.draw(new HeNormalInitializer.Plugin(), Map.of(), 6, 9, 11, true);
    Rng rng = new Rng(11);
    for (int i = 0; i < w.size(); i++) {
      assertThat(w.get(i)).isEqualTo(rng.nextGaussian() * Math.sqrt(2.0 / 9));
    }
    assertThat(w.get(0)).isEqualTo(HE_NORMAL_FIRST);
  }

  @Test
  void xavierUniformKeepsItsDraws() {
    Matrix w =
        Draws.draw(new XavierUniformInitializer.Plugin(), Map.of("gain", 1.5), 6, 9, 12, true);
    Rng rng = new Rng(12);
    double bound = 1.5 * Math.sqrt(6.0 / 15);
    for (int i = 0; i < w.size(); i++) {
      assertThat(w.get(i)).isEqualTo((2 * rng.nextDouble() - 1) * bound);
    }
    assertThat(w.get(0)).isEqualTo(XAVIER_UNIFORM_FIRST);
  }

  // The first values of the two before this module's other initializers were added.
  private static final double HE_NORMAL_FIRST = 0.28601767367216596;
  private static final double XAVIER_UNIFORM_FIRST = -0.36350383715991225;
}
