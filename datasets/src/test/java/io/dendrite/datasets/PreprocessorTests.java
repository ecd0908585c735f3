package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each preprocessor passes the contract, and does what it says on known values. */
class PreprocessorTests {
  private static Preprocessor create(Plugin<Preprocessor> plugin, Map<String, Object> values) {
    return plugin.create(Params.resolve(plugin.params(), values));
  }

  private static Examples table(float... values) {
    int rows = values.length / 2;
    int[] labels = new int[rows];
    return Examples.classification(
        Matrix.wrap(rows, 2, values), labels, List.of("only"), "a table of two columns");
  }

  private static float[] values(Examples e) {
    return e.features().toMatrix().floats();
  }

  @Nested
  class Standardize extends PreprocessorContract {
    @Override
    protected Plugin<Preprocessor> plugin() {
      return new StandardizePreprocessor.Plugin();
    }

    @Test
    void givesTheTrainingSplitMeanZeroAndStdOneAndConstantColumnsZero() {
      Preprocessor p = newInstance();
      Examples train = table(1, 5, 3, 5, 5, 5);
      p.fit(train);
      float[] out = values(p.apply(train));
      assertThat(out[0]).isCloseTo(-1.2247449f, within(1e-6f));
      assertThat(out[2]).isCloseTo(0f, within(1e-6f));
      assertThat(out[4]).isCloseTo(1.2247449f, within(1e-6f));
      assertThat(new float[] {out[1], out[3], out[5]}).containsOnly(0f);
      assertThat(p.fitted())
          .isEqualTo(Map.of("mean", List.of(3.0, 5.0), "std", List.of(Math.sqrt(8 / 3.0), 0.0)));
    }

    @Test
    void givenValuesAreUsedAndMustFitTheFeatures() {
      Preprocessor p =
          create(plugin(), Map.of("mean", List.of(1.0, 2.0), "std", List.of(2.0, 0.0)));
      Examples train = table(3, 4);
      p.fit(train);
      assertThat(values(p.apply(train))).containsExactly(1f, 2f);
      Preprocessor wrong = create(plugin(), Map.of("mean", List.of(1.0)));
      assertThatThrownBy(() -> wrong.fit(train))
          .isInstanceOf(DendriteException.class)
          .hasMessage(
              "standardize: mean has 1 value but the examples of a table of two columns have 2"
                  + " features; give one value per feature, or leave mean out to fit it on the"
                  + " training split");
    }
  }

  @Nested
  class MinMax extends PreprocessorContract {
    @Override
    protected Plugin<Preprocessor> plugin() {
      return new MinMaxPreprocessor.Plugin();
    }

    @Test
    void mapsTheTrainingSplitToTheUnitRange() {
      Preprocessor p = newInstance();
      Examples train = table(1, 7, 3, 7, 5, 7);
      p.fit(train);
      assertThat(values(p.apply(train))).containsExactly(0f, 0f, 0.5f, 0f, 1f, 0f);
      assertThat(values(p.apply(table(9, 8)))).containsExactly(2f, 1f);
      assertThat(p.fitted()).isEqualTo(Map.of("min", List.of(1.0, 7.0), "max", List.of(5.0, 7.0)));
    }
  }

  @Nested
  class Scale extends PreprocessorContract {
    @Override
    protected Plugin<Preprocessor> plugin() {
      return new ScalePreprocessor.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("factor", 0.5);
    }

    @Test
    void multipliesEveryFeature() {
      Preprocessor p = newInstance();
      p.fit(table(2, 4));
      assertThat(values(p.apply(table(2, -4)))).containsExactly(1f, -2f);
      assertThat(p.fitted()).isEmpty();
    }
  }

  @Nested
  class OneHot extends PreprocessorContract {
    @Override
    protected Plugin<Preprocessor> plugin() {
      return new OneHotPreprocessor.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("columns", List.of(2, 0));
    }

    @Override
    protected Examples train() {
      return codes(40, 0);
    }

    @Override
    protected Examples other() {
      return codes(25, 1);
    }

    /** Four features: codes 0..2 in column 0 and 0..3 in column 2; numbers in the others. */
    private static Examples codes(int rows, int offset) {
      Matrix x = Matrix.floats(rows, 4);
      int[] labels = new int[rows];
      for (int r = 0; r < rows; r++) {
        x.set(r, 0, (r + offset) % 3);
        x.set(r, 1, 0.5 * r);
        x.set(r, 2, (r + offset) % 4);
        x.set(r, 3, -r);
      }
      return Examples.classification(x, labels, List.of("a"), "codes");
    }

    @Test
    void expandsCodesInPlaceAndGivesZerosForUnseenCodes() {
      Preprocessor p = create(plugin(), Map.of("columns", List.of(1)));
      Examples train = table(7, 0, 8, 2, 9, 1);
      p.fit(train);
      assertThat(p.fitted()).isEqualTo(Map.of("columns", List.of(1), "classes", List.of(3)));
      Examples out = p.apply(train);
      assertThat(out.featureCount()).isEqualTo(4);
      assertThat(values(out)).containsExactly(7, 1, 0, 0, 8, 0, 0, 1, 9, 0, 1, 0);
      assertThat(values(p.apply(table(6, 5)))).containsExactly(6, 0, 0, 0);
    }

    @Test
    void bytesStayBytes() {
      byte[] pixels = {0, 1, 2, 1};
      Examples bytes =
          Examples.classification(
              Features.ofBytes(2, 2, pixels, Normalization.NONE.table()),
              new int[2],
              List.of("a"),
              "bytes");
      Preprocessor p = create(plugin(), Map.of("columns", List.of(0)));
      p.fit(bytes);
      Examples out = p.apply(bytes);
      assertThat(out.features().bytes()).isLessThan(4L * out.size() * out.featureCount());
      assertThat(values(out)).containsExactly(1, 0, 0, 1, 0, 0, 1, 1);
    }

    @Test
    void aValueThatIsNoCodeNamesItsExampleAndColumn() {
      Preprocessor p = create(plugin(), Map.of("columns", List.of(1)));
      assertThatThrownBy(() -> p.fit(table(1, 0, 2, 1.5f)))
          .isInstanceOf(DendriteException.class)
          .hasMessageStartingWith(
              "one_hot: feature column 1 of example 1 of a table of two columns is 1.5; expected"
                  + " a category code");
      Preprocessor outside = create(plugin(), Map.of("columns", List.of(5)));
      assertThatThrownBy(() -> outside.fit(table(1, 0)))
          .hasMessageContaining("one_hot: column 5 is not a feature of a table of two columns");
    }
  }

  @Nested
  class Flatten extends PreprocessorContract {
    @Override
    protected Plugin<Preprocessor> plugin() {
      return new FlattenPreprocessor.Plugin();
    }

    @Test
    void changesNothing() {
      Examples e = table(1, 2);
      Preprocessor p = newInstance();
      p.fit(e);
      assertThat(p.apply(e)).isSameAs(e);
    }
  }
}
