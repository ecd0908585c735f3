package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.support.SharedDatasetContext;
import io.dendrite.core.tensor.Matrix;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every dataset plugin must do. Extend it, return your plugin from {@link #plugin()} and, when
 * it needs files, give their paths in {@link #parameters()} (a {@code @TempDir} is a good place to
 * write small ones).
 *
 * <ul>
 *   <li>{@link Dataset#load} <b>must</b> give at least one example, with at least one feature and
 *       one target per example, and a source naming where they came from.
 *   <li>Features and targets <b>must</b> be finite, with one target row per feature row.
 *   <li>Classification targets <b>must</b> be one-hot: exactly one 1 per row, zeros elsewhere, and
 *       one class name per target column.
 *   <li>Loading twice <b>must</b> give equal data: a dataset is deterministic.
 *   <li>Each load <b>must</b> return matrices of its own: changing one result never changes the
 *       next (a dataset that caches must copy).
 * </ul>
 *
 * See {@code testkit/README.md} for the full list.
 */
public abstract class DatasetContract extends PluginContract<Dataset> {
  @Override
  protected final PluginKind kind() {
    return PluginKind.DATASET;
  }

  /**
   * The context the dataset is loaded with: a seeded stream, the working folder as the experiment
   * folder, and a cache folder under the system's temporary folder. Override to point elsewhere.
   */
  protected DatasetContext context() {
    return SharedDatasetContext.first(
        new Rng(1),
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("java.io.tmpdir"), "dendrite-testkit-cache"));
  }

  /** The examples the instance under test loads. */
  protected Examples load() {
    return newInstance().load(context());
  }

  @Test
  void loadsAtLeastOneExample() {
    Examples examples = load();
    assertThat(examples.size()).as("examples").isPositive();
    assertThat(examples.featureCount()).as("features per example").isPositive();
    assertThat(examples.targetCount()).as("targets per example").isPositive();
    assertThat(examples.targets().rows()).as("target rows").isEqualTo(examples.features().rows());
    assertThat(examples.source()).as("source").isNotBlank();
  }

  @Test
  void featuresAndTargetsAreFinite() {
    Examples examples = load();
    assertFinite(examples.features().toMatrix(), "features");
    assertFinite(examples.targets(), "targets");
  }

  @Test
  void classificationTargetsAreOneHot() {
    Examples examples = load();
    Assumptions.assumeTrue(
        examples.isClassification(),
        "the examples are for regression (no class names): there are no one-hot targets to check");
    assertThat(examples.classNames()).hasSize(examples.targetCount()).doesNotHaveDuplicates();
    Matrix targets = examples.targets();
    for (int r = 0; r < targets.rows(); r++) {
      int ones = 0;
      for (int c = 0; c < targets.cols(); c++) {
        double v = targets.get(r, c);
        assertThat(v == 0.0 || v == 1.0)
            .as("target %d of example %d is 0 or 1, found %s", c, r, v)
            .isTrue();
        if (v == 1.0) {
          ones++;
        }
      }
      assertThat(ones).as("ones in the target row of example %d", r).isEqualTo(1);
    }
  }

  @Test
  void loadingTwiceGivesEqualData() {
    Examples first = load();
    Examples second = load();
    assertSameValues(second.features().toMatrix(), first.features().toMatrix(), "features");
    assertSameValues(second.targets(), first.targets(), "targets");
    assertThat(second.classNames()).isEqualTo(first.classNames());
  }

  @Test
  void eachLoadReturnsIndependentMatrices() {
    Dataset dataset = newInstance();
    Examples first = dataset.load(context());
    Matrix expected = first.features().toMatrix();
    first.targets().fill(-7);
    Examples second = dataset.load(context());
    assertThat(second.targets()).isNotSameAs(first.targets());
    assertSameValues(second.features().toMatrix(), expected, "features of a second load");
    assertThat(second.targets().get(0))
        .as("targets after the first result's were changed")
        .isNotEqualTo(-7.0);
  }

  private static void assertFinite(Matrix m, String what) {
    int n = m.size();
    for (int i = 0; i < n; i++) {
      double v = m.get(i);
      if (!Double.isFinite(v)) {
        assertThat(v)
            .as("%s: value of example %d, column %d", what, i / m.cols(), i % m.cols())
            .isFinite();
      }
    }
  }

  private static void assertSameValues(Matrix actual, Matrix expected, String what) {
    assertThat(actual.rows()).as("%s: rows", what).isEqualTo(expected.rows());
    assertThat(actual.cols()).as("%s: columns", what).isEqualTo(expected.cols());
    int n = expected.size();
    for (int i = 0; i < n; i++) {
      if (Double.compare(actual.get(i), expected.get(i)) != 0) {
        assertThat(actual.get(i))
            .as(
                "%s: value of example %d, column %d",
                what, i / expected.cols(), i % expected.cols())
            .isEqualTo(expected.get(i));
      }
    }
  }
}
