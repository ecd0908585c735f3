package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.PluginContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do ({@link PluginContract}: the test kit has no preprocessor contract
 * yet), fitting on the training examples, and repeating a fitted transformation without fitting.
 */
class MeanCenterPreprocessorTests extends PluginContract<Preprocessor> {
  private static final Examples TRAIN =
      Examples.classification(
          Matrix.wrap(2, 2, new float[] {1, 10, 3, 20}), new int[] {0, 1}, List.of("a", "b"), "t");
  private static final Examples OTHER =
      Examples.classification(
          Matrix.wrap(1, 2, new float[] {2, 0}), new int[] {0}, List.of("a", "b"), "o");

  @Override
  protected Plugin<Preprocessor> plugin() {
    return new MeanCenterPreprocessor.Plugin();
  }

  @Override
  protected PluginKind kind() {
    return PluginKind.PREPROCESSOR;
  }

  @Test
  void fitsTheTrainingMeansAndSubtractsThemFromEverySet() {
    Preprocessor p = plugin().create(Params.defaults(plugin().params()));
    p.fit(TRAIN);
    assertThat(p.fitted()).isEqualTo(Map.of("mean", List.of(2.0, 15.0)));
    assertThat(p.apply(TRAIN).features().toMatrix().floats()).containsExactly(-1, -5, 1, 5);
    assertThat(p.apply(OTHER).features().toMatrix().floats()).containsExactly(0, -15);
  }

  @Test
  void givenMeansAreAppliedAsTheyAre() {
    Preprocessor p =
        plugin().create(Params.resolve(plugin().params(), Map.of("mean", List.of(1.0, 1.0))));
    p.fit(TRAIN);
    assertThat(p.apply(OTHER).features().toMatrix().floats()).containsExactly(1, -1);
  }
}
