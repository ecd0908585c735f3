package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records and their labels as read from IDX files, checked against each other: bytes for byte types
 * (a quarter of the memory of floats), float32 values for the others.
 *
 * <p>The arrays are never handed out by {@link #toExamples}, so one instance can be shared (the
 * bundled sample caches one); {@link #intoExamples} hands them over instead, for data read once.
 */
final class LabeledImages {
  private final IdxType type;
  private final int featureCount;
  private final byte[] bytes;
  private final float[] floats;
  private final int[] labels;
  private final List<String> classNames;

  private LabeledImages(
      IdxType type,
      int featureCount,
      byte[] bytes,
      float[] floats,
      int[] labels,
      List<String> classNames) {
    long values = (long) featureCount * labels.length;
    if ((bytes != null ? bytes.length : floats.length) != values) {
      throw new IllegalArgumentException(
          "values for " + labels.length + " records of " + featureCount + " do not match");
    }
    this.type = type;
    this.featureCount = featureCount;
    this.bytes = bytes;
    this.floats = floats;
    this.labels = labels;
    this.classNames = List.copyOf(classNames);
  }

  /** Records of a byte type, one after another. */
  static LabeledImages ofBytes(
      IdxType type, int featureCount, byte[] values, int[] labels, List<String> classNames) {
    return new LabeledImages(type, featureCount, values, null, labels, classNames);
  }

  /** Records of float values, one after another. */
  static LabeledImages ofFloats(
      IdxType type, int featureCount, float[] values, int[] labels, List<String> classNames) {
    return new LabeledImages(type, featureCount, null, values, labels, classNames);
  }

  int size() {
    return labels.length;
  }

  int featureCount() {
    return featureCount;
  }

  int classCount() {
    return classNames.size();
  }

  List<String> classNames() {
    return classNames;
  }

  /** The same records and labels (shared, not copied) with other class names. */
  LabeledImages withClassNames(List<String> names) {
    return new LabeledImages(type, featureCount, bytes, floats, labels, names);
  }

  /**
   * Examples {@code from} (inclusive) to {@code to} (exclusive), copied: byte values stay bytes,
   * turned into floats a batch at a time.
   */
  Examples toExamples(int from, int to, Normalization normalization, String source) {
    int start = from * featureCount;
    int end = to * featureCount;
    return examples(
        to - from,
        bytes != null ? Arrays.copyOfRange(bytes, start, end) : null,
        floats != null ? Arrays.copyOfRange(floats, start, end) : null,
        Arrays.copyOfRange(labels, from, to),
        normalization,
        source);
  }

  /** Every example, over this object's own arrays: use it once, and this object no more. */
  Examples intoExamples(Normalization normalization, String source) {
    return examples(labels.length, bytes, floats, labels, normalization, source);
  }

  private Examples examples(
      int count,
      byte[] byteValues,
      float[] floatValues,
      int[] targets,
      Normalization normalization,
      String source) {
    Features features =
        byteValues != null
            ? Features.ofBytes(count, featureCount, byteValues, normalization.table(type))
            : Features.of(Matrix.wrap(count, featureCount, floatValues));
    return Examples.classification(features, targets, classNames, source);
  }

  /** Class names "0", "1", … — IDX labels are plain numbers. */
  static List<String> classNames(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }
}
