package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every initializer plugin must do. Extend it and implement {@link #plugin()}.
 *
 * <ul>
 *   <li>It <b>must</b> fill every value of the weight matrix with a finite number, in float32 and
 *       float64.
 *   <li>It <b>must</b> use only the generator it is given: the same seed gives the same values.
 *   <li>A random initializer ({@link #isRandom()}) <b>must</b> give different values for different
 *       seeds, and not all values equal.
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class InitializerContract extends PluginContract<Initializer> {
  @Override
  protected PluginKind kind() {
    return PluginKind.INITIALIZER;
  }

  /**
   * Whether the initializer draws random values; override to return false for a deterministic one
   * such as {@code zeros}, which skips the checks that need randomness.
   */
  protected boolean isRandom() {
    return true;
  }

  /** Shapes (fanOut, fanIn) the checks run on; the first is the one seeds are compared on. */
  protected List<int[]> shapes() {
    return List.of(new int[] {16, 8}, new int[] {1, 1}, new int[] {3, 50}, new int[] {64, 2});
  }

  private Matrix initialize(int fanOut, int fanIn, long seed, boolean doubles) {
    Matrix weights = doubles ? Matrix.doubles(fanOut, fanIn) : Matrix.floats(fanOut, fanIn);
    // NaN marks what the initializer has not written.
    weights.fill(Double.NaN);
    newInstance().initialize(weights, fanIn, fanOut, new Rng(seed));
    return weights;
  }

  @Test
  void fillsEveryValueWithAFiniteNumber() {
    for (boolean doubles : new boolean[] {true, false}) {
      for (int[] shape : shapes()) {
        Matrix w = initialize(shape[0], shape[1], 41, doubles);
        for (int i = 0; i < w.size(); i++) {
          assertThat(Double.isFinite(w.get(i)))
              .as(
                  "%s: value [%d] of a %dx%d %s matrix is %s",
                  plugin().id(), i, shape[0], shape[1], doubles ? "float64" : "float32", w.get(i))
              .isTrue();
        }
      }
    }
  }

  @Test
  void sameSeedGivesTheSameValues() {
    for (boolean doubles : new boolean[] {true, false}) {
      for (int[] shape : shapes()) {
        Matrix first = initialize(shape[0], shape[1], 42, doubles);
        Matrix second = initialize(shape[0], shape[1], 42, doubles);
        for (int i = 0; i < first.size(); i++) {
          assertThat(second.get(i))
              .as("%s: value [%d] with the same seed", plugin().id(), i)
              .isEqualTo(first.get(i));
        }
      }
    }
  }

  @Test
  void differentSeedsGiveDifferentValues() {
    Assumptions.assumeTrue(isRandom(), "not a random initializer");
    int[] shape = shapes().get(0);
    Matrix first = initialize(shape[0], shape[1], 43, false);
    Matrix second = initialize(shape[0], shape[1], 44, false);
    boolean differ = false;
    for (int i = 0; i < first.size(); i++) {
      differ |= first.get(i) != second.get(i);
    }
    assertThat(differ).as("%s gives different values for seeds 43 and 44", plugin().id()).isTrue();
  }

  @Test
  void valuesAreNotAllEqual() {
    Assumptions.assumeTrue(isRandom(), "not a random initializer");
    int[] shape = shapes().get(0);
    Matrix w = initialize(shape[0], shape[1], 45, false);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < w.size(); i++) {
      min = Math.min(min, w.get(i));
      max = Math.max(max, w.get(i));
    }
    assertThat(max)
        .as("%s: largest of %d values vs smallest", plugin().id(), w.size())
        .isGreaterThan(min);
  }
}
