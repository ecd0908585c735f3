package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/**
 * Gaussian blobs around random centres, one class each, as scikit-learn's {@code make_blobs}.
 *
 * <p>Centres are drawn in the box [-10, 10] in every dimension, at least six spreads apart when
 * there is room, so that the classes separate unless the spread is made large on purpose.
 */
public final class BlobsDataset implements Dataset {
  static final double BOX = 10;
  static final int TRIES = 100;

  static final Param<Integer> SAMPLES = SyntheticPoints.samples(1000);
  static final Param<Integer> CENTERS =
      Param.integer("centers", 3, "number of blobs, one class each").atLeast(1).atMost(1000);
  static final Param<Double> SPREAD =
      Param.number("spread", 1.0, "standard deviation of each blob").atLeast(0);
  static final Param<Integer> FEATURES =
      Param.integer("features", 2, "dimensions of each point").atLeast(1).atMost(10_000);

  /** Registers the dataset as {@code blobs}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("blobs", "synthetic: Gaussian blobs, one class each (scikit-learn's make_blobs)")
              .params(SAMPLES, CENTERS, SPREAD, FEATURES),
          params ->
              new BlobsDataset(
                  params.get(SAMPLES),
                  params.get(CENTERS),
                  params.get(SPREAD),
                  params.get(FEATURES)));
    }
  }

  private final int samples;
  private final int centers;
  private final double spread;
  private final int features;

  BlobsDataset(int samples, int centers, double spread, int features) {
    this.samples = samples;
    this.centers = centers;
    this.spread = spread;
    this.features = features;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    double[][] centres = centres(rng);
    SyntheticPoints points = new SyntheticPoints(samples, features);
    for (int i = 0; i < samples; i++) {
      int blob = i % centers;
      points.label(i, blob);
      for (int d = 0; d < features; d++) {
        points.coordinate(i, d, centres[blob][d] + spread * rng.nextGaussian());
      }
    }
    return points.classification(
        centers,
        SyntheticPoints.source(
            "blobs",
            samples,
            ", " + centers + " centers, spread " + spread + ", " + features + " features"));
  }

  private double[][] centres(Rng rng) {
    double[][] out = new double[centers][];
    double minDistance = 6 * spread;
    for (int k = 0; k < centers; k++) {
      double[] best = null;
      double bestDistance = -1;
      for (int attempt = 0; attempt < TRIES && bestDistance < minDistance; attempt++) {
        double[] c = new double[features];
        for (int d = 0; d < features; d++) {
          c[d] = BOX * (2 * rng.nextDouble() - 1);
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          nearest = Math.min(nearest, distance(c, out[j]));
        }
        if (nearest > bestDistance) {
          best = c;
          bestDistance = nearest;
        }
      }
      out[k] = best;
    }
    return out;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
