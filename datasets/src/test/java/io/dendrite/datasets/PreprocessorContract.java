package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.PluginContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every preprocessor must do, in the manner of the testkit's contracts.
 *
 * <p>The testkit has none for this kind yet. A preprocessor must learn from the training split
 * only, give back what it learned as parameter values that repeat the transformation without
 * fitting, transform lazily, change no input.
 */
abstract class PreprocessorContract extends PluginContract<Preprocessor> {
  @Override
  protected final PluginKind kind() {
    return PluginKind.PREPROCESSOR;
  }

  /** Training examples: by default 40 rows of 4 features on different scales. */
  protected Examples train() {
    return examples(40, 1, 0);
  }

  /** Other examples (validation, test), from another distribution. */
  protected Examples other() {
    return examples(25, 2, 3);
  }

  /** {@code rows} examples whose feature j is about {@code shift + scale * 10^j * noise}. */
  static Examples examples(int rows, long seed, double shift) {
    Rng rng = new Rng(seed);
    Matrix x = Matrix.floats(rows, 4);
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < 4; j++) {
        x.set(r, j, shift + Math.pow(10, j) * rng.nextGaussian());
      }
      labels[r] = r % 2;
    }
    return Examples.classification(x, labels, List.of("a", "b"), "contract examples " + seed);
  }

  private Preprocessor fitted(Examples on) {
    Preprocessor p = newInstance();
    p.fit(on);
    return p;
  }

  @Test
  void applyingToOtherExamplesUsesWhatWasLearnedFromTheTrainingSplit() {
    Preprocessor p = fitted(train());
    Matrix before = p.apply(train()).features().toMatrix();
    Matrix onOther = p.apply(other()).features().toMatrix();
    assertSameValues(p.apply(train()).features().toMatrix(), before, "train after applying twice");
    assertSameValues(
        fitted(train()).apply(other()).features().toMatrix(), onOther, "other, fitted anew");
  }

  @Test
  void fittedValuesRepeatTheTransformationWithoutFitting() {
    Preprocessor p = fitted(train());
    Map<String, Object> learned = p.fitted();
    Set<String> declared = plugin().params().stream().map(Param::name).collect(Collectors.toSet());
    assertThat(declared).as("parameters of %s", plugin().id()).containsAll(learned.keySet());
    Map<String, Object> values = new HashMap<>(parameters());
    values.putAll(learned);
    Preprocessor repeated = plugin().create(Params.resolve(plugin().params(), values));
    // Fitting on other examples must change nothing: the values say it all.
    repeated.fit(other());
    assertSameValues(
        repeated.apply(train()).features().toMatrix(),
        p.apply(train()).features().toMatrix(),
        "train through a preprocessor given the fitted values");
    assertThat(repeated.fitted()).isEqualTo(learned.isEmpty() ? repeated.fitted() : learned);
  }

  @Test
  void applyChangesNoInputAndKeepsTargetsClassesAndSource() {
    Examples in = train();
    Matrix features = in.features().toMatrix();
    Matrix targets = in.targets().copy();
    Preprocessor p = fitted(in);
    Examples out = p.apply(in);
    assertSameValues(in.features().toMatrix(), features, "input features");
    assertSameValues(out.targets(), targets, "targets");
    assertThat(out.classNames()).isEqualTo(in.classNames());
    assertThat(out.source()).isEqualTo(in.source());
    assertThat(out.size()).isEqualTo(in.size());
  }

  @Test
  void applyTransformsLazilyWithoutCopyingTheTable() {
    Examples in = train();
    Features out = fitted(in).apply(in).features();
    assertThat(out.bytes())
        .as("bytes of the transformed features (the input's take %d)", in.features().bytes())
        .isLessThanOrEqualTo(in.features().bytes() + 16L * out.cols());
  }

  @Test
  void selectingRowsAfterApplyingEqualsApplyingToTheSelectedRows() {
    Examples in = train();
    Preprocessor p = fitted(in);
    int[] rows = {5, 0, 17, 17, 3};
    assertSameValues(
        p.apply(in).features().select(rows).toMatrix(),
        p.apply(in.select(rows)).features().toMatrix(),
        "selected rows");
  }

  @Test
  void outputsAreFinite() {
    Preprocessor p = fitted(train());
    assertThat(p.apply(train()).features().toMatrix().allFinite()).isTrue();
    assertThat(p.apply(other()).features().toMatrix().allFinite()).isTrue();
  }

  static void assertSameValues(Matrix actual, Matrix expected, String what) {
    assertThat(actual.rows()).as("%s: rows", what).isEqualTo(expected.rows());
    assertThat(actual.cols()).as("%s: columns", what).isEqualTo(expected.cols());
    for (int i = 0; i < expected.size(); i++) {
      if (Double.compare(actual.get(i), expected.get(i)) != 0) {
        assertThat(actual.get(i))
            .as("%s: row %d, column %d", what, i / expected.cols(), i % expected.cols())
            .isEqualTo(expected.get(i));
      }
    }
  }
}
