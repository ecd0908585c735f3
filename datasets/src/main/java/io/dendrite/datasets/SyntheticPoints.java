package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * Points drawn for a synthetic data set, and the parameters every such set shares: all randomness
 * comes from the run's dataset stream, so a seed gives the same points on every machine.
 */
final class SyntheticPoints {
  private final int count;
  private final int dims;
  private final float[] values;
  private final int[] labels;

  SyntheticPoints(int count, int dims) {
    this.count = count;
    this.dims = dims;
    this.values = new float[count * dims];
    this.labels = new int[count];
  }

  /** The {@code samples} parameter, with its default. */
  static Param<Integer> samples(int defaultCount) {
    return Param.integer("samples", defaultCount, "how many examples to draw")
        .atLeast(1)
        .atMost(10_000_000);
  }

  /** The {@code noise} parameter: the standard deviation of Gaussian noise added to each value. */
  static Param<Double> noise(double defaultNoise, String what) {
    return Param.number("noise", defaultNoise, "standard deviation of the Gaussian noise " + what)
        .atLeast(0);
  }

  /** Sets example {@code i}: its coordinates and its class. */
  void set(int i, int label, double... coordinates) {
    for (int d = 0; d < dims; d++) {
      values[i * dims + d] = (float) coordinates[d];
    }
    labels[i] = label;
  }

  /** Sets coordinate {@code d} of example {@code i}. */
  void coordinate(int i, int d, double value) {
    values[i * dims + d] = (float) value;
  }

  /** Sets the class of example {@code i}. */
  void label(int i, int label) {
    labels[i] = label;
  }

  /** The points as classification examples of {@code classes} classes named "0", "1", .... */
  Examples classification(int classes, String source) {
    return Examples.classification(
        Matrix.wrap(count, dims, values), labels, LabeledImages.classNames(classes), source);
  }

  /** The points as regression examples, with one target value per point. */
  Examples regression(float[] targets, String source) {
    return new Examples(
        Matrix.wrap(count, dims, values), Matrix.wrap(count, 1, targets), List.of(), source);
  }

  /** A description for {@link Examples#source}: {@code moons (1000 samples, noise 0.1)}. */
  static String source(String id, int samples, String details) {
    return String.format(Locale.ROOT, "%s (%d samples%s)", id, samples, details);
  }
}
