package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.IntegerType;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Range;
import io.dendrite.core.spi.Preprocessor;
import io.dendrite.core.spi.PreprocessorPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One-hot encoding of category codes: each listed feature, holding a code 0, 1, 2, …, becomes as
 * many 0/1 features as its training split has codes, in its place.
 *
 * <p>A code the training split never had (in validation or test examples) gives all zeros rather
 * than an error: a rare category may fall into one split only.
 */
public final class OneHotPreprocessor implements Preprocessor {
  /** More codes than this in one column are not categories but numbers. */
  static final int MAX_CODES = 10_000;

  static final Param<List<Integer>> COLUMNS =
      Param.list(
              "columns",
              new IntegerType(Range.ANY.withMin(0, true)),
              List.of(),
              "feature indices (from 0) holding codes 0, 1, 2, ... to expand into 0/1 features")
          .required()
          .minSize(1);
  static final Param<List<Integer>> CLASSES =
      Param.list(
              "classes",
              new IntegerType(Range.ANY.withMin(1, true).withMax(MAX_CODES, true)),
              List.of(),
              "number of codes of each listed column; fitted (largest code + 1) when left out")
          .optional();

  /** Registers the preprocessor as {@code one_hot}. */
  public static final class Plugin extends PreprocessorPlugin.Base {
    public Plugin() {
      super(
          declare("one_hot", "category codes in listed features expanded into 0/1 features")
              .aliases("one_hot_encoder")
              .params(COLUMNS, CLASSES),
          params ->
              new OneHotPreprocessor(
                  params.get(COLUMNS), params.has(CLASSES) ? params.get(CLASSES) : null));
    }
  }

  private final int[] columns;
  private final List<Integer> givenClasses;
  private int[] classes;

  OneHotPreprocessor(List<Integer> columns, List<Integer> classes) {
    this.columns = new TreeSet<>(columns).stream().mapToInt(Integer::intValue).toArray();
    if (this.columns.length != columns.size()) {
      throw DendriteException.config("one_hot: columns " + columns + " lists a column twice");
    }
    if (classes != null && classes.size() != columns.size()) {
      throw DendriteException.config(
          "one_hot: classes has "
              + classes.size()
              + " values for the "
              + columns.size()
              + " columns; give one count per column, in the order of columns");
    }
    // Counts follow the sorted columns, as fitted() reports them.
    if (classes != null) {
      List<Integer> sorted = new ArrayList<>();
      for (int c : this.columns) {
        sorted.add(classes.get(columns.indexOf(c)));
      }
      this.givenClasses = List.copyOf(sorted);
    } else {
      this.givenClasses = null;
    }
  }

  @Override
  public void fit(Examples train) {
    requireColumns(train);
    if (givenClasses != null) {
      classes = givenClasses.stream().mapToInt(Integer::intValue).toArray();
      return;
    }
    int[] max = new int[columns.length];
    forEachCode(train, (row, j, code) -> max[j] = Math.max(max[j], code));
    classes = new int[columns.length];
    for (int j = 0; j < columns.length; j++) {
      classes[j] = max[j] + 1;
    }
  }

  @Override
  public Examples apply(Examples examples) {
    if (classes == null) {
      if (givenClasses == null) {
        throw ColumnStatistics.notFitted("one_hot");
      }
      fit(examples);
    }
    requireColumns(examples);
    forEachCode(examples, (row, j, code) -> {});
    return examples.withFeatures(new OneHotFeatures(examples.features(), columns, classes));
  }

  @Override
  public Map<String, Object> fitted() {
    if (classes == null) {
      return Map.of();
    }
    List<Integer> counts = new ArrayList<>();
    for (int c : classes) {
      counts.add(c);
    }
    List<Integer> cols = new ArrayList<>();
    for (int c : columns) {
      cols.add(c);
    }
    return Map.of(COLUMNS.name(), cols, CLASSES.name(), counts);
  }

  private void requireColumns(Examples examples) {
    for (int c : columns) {
      if (c >= examples.featureCount()) {
        throw DendriteException.config(
            "one_hot: column "
                + c
                + " is not a feature of "
                + examples.source()
                + ", which has "
                + examples.featureCount()
                + " features (columns 0 to "
                + (examples.featureCount() - 1)
                + ")");
      }
    }
  }

  /** What is done with each code found. */
  private interface CodeVisitor {
    void visit(int row, int column, int code);
  }

  /** Visits every code of the listed columns, refusing values that are not codes. */
  private void forEachCode(Examples examples, CodeVisitor visitor) {
    Features x = examples.features();
    float[] row = new float[x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      x.copyRow(r, row, 0);
      for (int j = 0; j < columns.length; j++) {
        float v = row[columns[j]];
        if (!(v >= 0 && v < MAX_CODES && v == Math.rint(v))) {
          throw DendriteException.data(
              "one_hot: feature column "
                  + columns[j]
                  + " of example "
                  + r
                  + " of "
                  + examples.source()
                  + " is "
                  + v
                  + "; expected a category code, a whole number from 0 to "
                  + (MAX_CODES - 1)
                  + " (put one_hot before steps that rescale features, and list only columns of"
                  + " codes)");
        }
        visitor.visit(r, j, (int) v);
      }
    }
  }
}
