package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.tensor.ComputePool;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adam splits the update of a large parameter over the network's threads ({@code useKernels}) and
 * gives the single-threaded bits, state included; a non-finite gradient in any piece is found.
 */
class AdamOverThreadsTests {
  // Layer 1 of the benchmark network, plus an odd size whose last piece ends in a scalar tail.
  private static final int[][] SHAPES = {{256, 784}, {1, 256}, {129, 257}};

  @Test
  void twoThreadsGiveTheBitsOfOne() {
    try (ComputePool two = ComputePool.create(2)) {
      AdamOptimizer single = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, false, 0);
      AdamOptimizer split = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, false, 0);
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
              (name, m) ->
                  assertThat(values(split.state().get(name))).as(name).isEqualTo(values(m)));
    }
  }

  @Test
  void aNonFiniteGradientInTheLastPieceIsFound() {
    try (ComputePool two = ComputePool.create(2)) {
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
        for (int at : new int[] {0, 100_000, 256 * 784 - 1}) {
          AdamOptimizer split = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, false, 0);
          split.useKernels(new Kernels(two));
          List<Parameter> p = parameters();
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
