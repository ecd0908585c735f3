package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.TextType;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.tensor.Matrix;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A table of examples from a CSV file: numeric feature columns and one target column. */
public final class CsvDataset implements Dataset {
  /** With {@code task: auto}, integer targets with at most this many values are classes. */
  static final int AUTO_MAX_CLASSES = 20;

  static final Param<Path> PATH =
      Param.path("path", "the CSV file (UTF-8; quoted values as RFC 4180), one example per row");
  static final Param<Boolean> HEADER =
      Param.bool("header", true, "the first row names the columns");
  static final Param<String> TARGET =
      Param.of(
              "target",
              TextType.ANY,
              null,
              "the target column: its name, or its position from 1 as text (\"-1\" the last);"
                  + " default: the last column")
          .optional();
  static final Param<String> DELIMITER =
      Param.string("delimiter", ",", "the character between values: \",\", \";\", \"\\t\", ...")
          .matching("[^\\r\\n\"]", "one character, not a quote or a line break", 1);
  static final Param<String> TASK =
      Param.choice(
          "task",
          "auto",
          "classification (targets are classes), regression (numbers), or auto: text or at most"
              + " 20 distinct integers are classes",
          "auto",
          "classification",
          "regression");
  static final Param<List<String>> FEATURES =
      Param.list(
          "features",
          TextType.ANY,
          List.of(),
          "the columns to use as features, by name or position; default: all but the target");
  static final Param<List<String>> DROP =
      Param.list(
          "drop",
          TextType.ANY,
          List.of(),
          "columns to leave out (ids, text), by name or position; not with features");
  static final Param<String> MISSING =
      Param.choice(
          "missing",
          "error",
          "a missing or non-numeric feature cell: error, drop_row (skip the row), or mean (the"
              + " column's mean over the file)",
          "error",
          "drop_row",
          "mean");

  /** Registers the dataset as {@code csv}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("csv", "a table from a CSV file: numeric feature columns and a target column")
              .params(PATH, HEADER, TARGET, DELIMITER, TASK, FEATURES, DROP, MISSING),
          params ->
              new CsvDataset(
                  params.get(PATH),
                  params.get(HEADER),
                  params.has(TARGET) ? params.get(TARGET) : null,
                  params.get(DELIMITER).charAt(0),
                  params.get(TASK),
                  params.get(FEATURES),
                  params.get(DROP),
                  CsvTable.Missing.valueOf(params.get(MISSING).toUpperCase(Locale.ROOT))));
    }
  }

  private final Path path;
  private final boolean header;
  private final String target;
  private final char delimiter;
  private final String task;
  private final List<String> features;
  private final List<String> drop;
  private final CsvTable.Missing missing;

  CsvDataset(
      Path path,
      boolean header,
      String target,
      char delimiter,
      String task,
      List<String> features,
      List<String> drop,
      CsvTable.Missing missing) {
    this.path = path.toAbsolutePath().normalize();
    this.header = header;
    this.target = target;
    this.delimiter = delimiter;
    this.task = task;
    this.features = List.copyOf(features);
    this.drop = List.copyOf(drop);
    this.missing = missing;
  }

  @Override
  public Examples load(DatasetContext context) {
    if (!features.isEmpty() && !drop.isEmpty()) {
      throw DendriteException.config(
          path
              + ": csv takes features (the columns to keep) or drop (those to leave out), not"
              + " both");
    }
    CsvTable table = CsvTable.read(path, header, delimiter, missing, this::select);
    boolean classification =
        switch (task) {
          case "classification" -> true;
          case "regression" -> false;
          default -> looksLikeClasses(table.targets);
        };
    Features x = Features.of(Matrix.wrap(table.rows, table.featureColumns.length, table.features));
    String source = source(table, classification);
    return classification ? classes(table, x, source) : regression(table, x, source);
  }

  /** {@code [target, feature...]}: what the parameters pick among the file's columns. */
  private int[] select(CsvColumns columns) {
    int t = target == null ? columns.width() - 1 : columns.resolve(target, "target");
    List<Integer> picked = new ArrayList<>();
    if (!features.isEmpty()) {
      for (int index : columns.resolveAll(features, "features")) {
        if (index == t) {
          throw DendriteException.config(
              path
                  + ": features lists "
                  + columns.describe(t)
                  + ", which is the target; a column is a feature or the target, not both");
        }
        picked.add(index);
      }
    } else {
      List<Integer> dropped = columns.resolveAll(drop, "drop");
      if (dropped.contains(t)) {
        throw DendriteException.config(
            path
                + ": drop lists "
                + columns.describe(t)
                + ", which is the target; choose another target with target:");
      }
      for (int i = 0; i < columns.width(); i++) {
        if (i != t && !dropped.contains(i)) {
          picked.add(i);
        }
      }
    }
    int[] out = new int[picked.size() + 1];
    out[0] = t;
    for (int i = 0; i < picked.size(); i++) {
      out[i + 1] = picked.get(i);
    }
    return out;
  }

  /** Text targets, or few distinct integers: what {@code task: auto} takes for classes. */
  static boolean looksLikeClasses(String[] targets) {
    TreeSet<BigDecimal> distinct = new TreeSet<>();
    for (String t : targets) {
      if (!CsvTable.isNumber(t)) {
        return true;
      }
      BigDecimal v = new BigDecimal(t);
      if (v.stripTrailingZeros().scale() > 0) {
        return false;
      }
      distinct.add(v);
      if (distinct.size() > AUTO_MAX_CLASSES) {
        return false;
      }
    }
    return true;
  }

  private static Examples classes(CsvTable table, Features x, String source) {
    boolean numeric = true;
    for (String t : table.targets) {
      numeric &= CsvTable.isNumber(t);
    }
    // Numbers sort by value ("10" after "9") and "1" and "1.0" are one class; text sorts as text.
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    if (numeric) {
      TreeMap<BigDecimal, String> byValue = new TreeMap<>();
      for (String t : table.targets) {
        byValue.putIfAbsent(new BigDecimal(t), canonical(new BigDecimal(t)));
      }
      byValue.values().forEach(names::add);
      for (String t : table.targets) {
        index.computeIfAbsent(t, k -> names.indexOf(canonical(new BigDecimal(k))));
      }
    } else {
      names.addAll(new TreeSet<>(List.of(table.targets)));
      for (int i = 0; i < names.size(); i++) {
        index.put(names.get(i), i);
      }
    }
    int[] labels = new int[table.rows];
    for (int r = 0; r < table.rows; r++) {
      labels[r] = index.get(table.targets[r]);
    }
    return Examples.classification(x, labels, names, source);
  }

  private static String canonical(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
  }

  private static Examples regression(CsvTable table, Features x, String source) {
    Matrix y = Matrix.floats(table.rows, 1);
    for (int r = 0; r < table.rows; r++) {
      String t = table.targets[r];
      float v = CsvTable.isNumber(t) ? Float.parseFloat(t) : Float.NaN;
      if (!Float.isFinite(v)) {
        throw DendriteException.data(
            table.file
                + ": "
                + table.at(r)
                + ", "
                + table.columns.describe(table.targetColumn)
                + " (the target): expected a number for regression, found \""
                + t
                + "\"; fix the cell, or use task: classification if the targets are classes");
      }
      y.set(r, 0, v);
    }
    return new Examples(x, y, List.of(), source);
  }

  private static String source(CsvTable table, boolean classification) {
    StringBuilder s =
        new StringBuilder(table.file)
            .append(" (")
            .append(classification ? "classes from " : "regression on ")
            .append(table.columns.describe(table.targetColumn))
            .append(", ")
            .append(table.featureColumns.length)
            .append(" features");
    if (table.droppedRows > 0) {
      s.append(", ").append(table.droppedRows).append(" rows with missing values dropped");
    }
    if (table.imputedCells > 0) {
      s.append(", ").append(table.imputedCells).append(" missing cells set to column means");
    }
    return s.append(')').toString();
  }
}
