package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.support.ParameterwiseOptimizer;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adam and SGD split the update of a large parameter over the network's threads ({@code
 * useKernels}) and give the single-threaded bits, state included; a non-finite gradient in any
 * piece is found.
 */
class UpdatesOverThreadsTests {
  // Layer 1 of the benchmark network, plus an odd size whose last piece ends in a scalar tail.
  private static final int[][] SHAPES = {{256, 784}, {1, 256}, {129, 257}};

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("adam", (Supplier<ParameterwiseOptimizer>) () -> adam()),
        Arguments.of("sgd", (Supplier<ParameterwiseOptimizer>) () -> sgd(0)),
        Arguments.of("sgd with momentum", (Supplier<ParameterwiseOptimizer>) () -> sgd(0.9)));
  }

  private static ParameterwiseOptimizer adam() {
    return new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, false, 0);
  }

  private static ParameterwiseOptimizer sgd(double momentum) {
    return new SgdOptimizer(0.05, momentum, 0.1, false, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void twoThreadsGiveTheBitsOfOne(String name, Supplier<ParameterwiseOptimizer> optimizer) {
    try (ComputePool two = ComputePool.create(2)) {
      ParameterwiseOptimizer single = optimizer.get();
      ParameterwiseOptimizer split = optimizer.get();
      split.useKernels(new Kernels(two));
      List<Parameter> a = parameters();
      List<Parameter> b = parameters();
      Rng rng = new Rng(5);
      for (int step = 0; step < 5; step++) {
        for (int k = 0; k < a.size(); k++) {
          Matrix ga = a.get(k).gradient();
          for (int i = 0; i < ga.size(); i++) {
            double g = rng.nextGaussian() * Math.pow(10, rng.nextInt(4) - 2);
            ga.set(i, g);
            b.get(k).gradient().set(i, g);
          }
        }
        assertThat(single.stepIfFinite(a)).isEqualTo(-1);
        assertThat(split.stepIfFinite(b)).isEqualTo(-1);
      }
      for (int k = 0; k < a.size(); k++) {
        assertThat(b.get(k).value().floats())
            .as(a.get(k).name())
            .isEqualTo(a.get(k).value().floats());
      }
      assertThat(split.state().keySet()).isEqualTo(single.state().keySet());
      single
          .state()
          .forEach(
              (key, m) -> assertThat(values(split.state().get(key))).as(key).isEqualTo(values(m)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void aNonFiniteGradientInAnyPieceIsFound(
      String name, Supplier<ParameterwiseOptimizer> optimizer) {
    try (ComputePool two = ComputePool.create(2)) {
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
        for (int at : new int[] {0, 100_000, 256 * 784 - 1}) {
          ParameterwiseOptimizer split = optimizer.get();
          split.useKernels(new Kernels(two));
          List<Parameter> p = parameters();
          // SGD with momentum takes its vector path from the second step on.
          assertThat(split.stepIfFinite(p)).isEqualTo(-1);
          p.get(0).gradient().floats()[at] = bad;
          assertThat(split.stepIfFinite(p)).as("%s at %d", bad, at).isEqualTo(0);
        }
      }
    }
  }

  private static double[] values(Matrix m) {
    double[] v = new double[m.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = m.get(i);
    }
    return v;
  }

  private static List<Parameter> parameters() {
    Rng rng = new Rng(3);
    Parameter[] ps = new Parameter[SHAPES.length];
    for (int k = 0; k < SHAPES.length; k++) {
      ps[k] = Parameter.zeros("p" + k, Matrix.floats(0, 0), SHAPES[k][0], SHAPES[k][1]);
      for (int i = 0; i < ps[k].value().size(); i++) {
        ps[k].value().set(i, rng.nextGaussian() * 0.1);
      }
    }
    return List.of(ps);
  }
}
