package io.dendrite.core.data;

import io.dendrite.core.tensor.Matrix;
import java.util.List;

/**
 * Examples in memory: one row of features and one row of targets per example.
 *
 * @param features one example per row, turned into floats a batch at a time
 * @param targets float32, same row count: one-hot rows for classification, values for regression
 * @param classNames for classification, the name of each target column; empty for regression
 * @param source where the examples came from, for messages and provenance
 */
public record Examples(Features features, Matrix targets, List<String> classNames, String source) {
  public Examples {
    if (features.rows() != targets.rows()) {
      throw new IllegalArgumentException(
          source + ": " + features.rows() + " feature rows but " + targets.rows() + " target rows");
    }
    if (!classNames.isEmpty() && classNames.size() != targets.cols()) {
      throw new IllegalArgumentException(
          source + ": " + classNames.size() + " class names for " + targets.cols() + " targets");
    }
    classNames = List.copyOf(classNames);
  }

  /** Examples with float32 features. */
  public Examples(Matrix features, Matrix targets, List<String> classNames, String source) {
    this(Features.of(features), targets, classNames, source);
  }

  /** Examples for classification from integer labels in {@code [0, classNames.size())}. */
  public static Examples classification(
      Matrix features, int[] labels, List<String> classNames, String source) {
    return classification(Features.of(features), labels, classNames, source);
  }

  /** Examples for classification from integer labels in {@code [0, classNames.size())}. */
  public static Examples classification(
      Features features, int[] labels, List<String> classNames, String source) {
    Matrix targets = Matrix.floats(labels.length, classNames.size());
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            source
                + ": label "
                + labels[i]
                + " of example "
                + i
                + " is outside 0.."
                + (classNames.size() - 1));
      }
      targets.set(i, labels[i], 1.0);
    }
    return new Examples(features, targets, classNames, source);
  }

  public int size() {
    return features.rows();
  }

  public int featureCount() {
    return features.cols();
  }

  public int targetCount() {
    return targets.cols();
  }

  public boolean isClassification() {
    return !classNames.isEmpty();
  }

  /** The class of example {@code row}: its target column holding the largest value. */
  public int label(int row) {
    int best = 0;
    for (int c = 1; c < targets.cols(); c++) {
      if (targets.get(row, c) > targets.get(row, best)) {
        best = c;
      }
    }
    return best;
  }

  /** These examples with other features (preprocessed), the same targets. */
  public Examples withFeatures(Features other) {
    return new Examples(other, targets, classNames, source);
  }

  /** The examples whose row numbers are {@code rows}, in that order (a new copy). */
  public Examples select(int[] rows) {
    Matrix t = Matrix.floats(rows.length, targetCount());
    float[] ts = targets.floats();
    int tc = targetCount();
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(ts, rows[i] * tc, t.floats(), i * tc, tc);
    }
    return new Examples(features.select(rows), t, classNames, source);
  }
}
