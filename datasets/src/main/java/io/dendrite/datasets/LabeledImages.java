package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * Images and their labels as read from IDX files, checked against each other: unsigned bytes, one
 * record after another.
 *
 * <p>The arrays are never handed out, so one instance can be shared (the bundled sample caches
 * one): every {@link #toExamples} call builds new matrices.
 */
final class LabeledImages {
  private final int rows;
  private final int cols;
  private final byte[] pixels;
  private final byte[] labels;
  private final int classCount;

  LabeledImages(int rows, int cols, byte[] pixels, byte[] labels, int classCount) {
    if ((long) rows * cols * labels.length != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " pixels for " + labels.length + " images of " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.pixels = pixels;
    this.labels = labels;
    this.classCount = classCount;
  }

  int size() {
    return labels.length;
  }

  int featureCount() {
    return rows * cols;
  }

  int classCount() {
    return classCount;
  }

  /**
   * Examples {@code from} (inclusive) to {@code to} (exclusive): their pixels are copied and stay
   * bytes, turned into floats a batch at a time.
   */
  Examples toExamples(int from, int to, Normalization normalization, String source) {
    int count = to - from;
    int features = featureCount();
    byte[] values = java.util.Arrays.copyOfRange(pixels, from * features, to * features);
    int[] targets = new int[count];
    for (int i = 0; i < count; i++) {
      targets[i] = labels[from + i] & 0xff;
    }
    return Examples.classification(
        Features.ofBytes(count, features, values, normalization.table()),
        targets,
        classNames(classCount),
        source);
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
