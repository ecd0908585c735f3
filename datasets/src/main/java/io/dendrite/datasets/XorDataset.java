package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/**
 * XOR as a cloud of points: Gaussian clusters around the corners (±1, ±1), opposite corners of one
 * class, so no straight line separates the classes and a hidden layer is needed.
 */
public final class XorDataset implements Dataset {
  static final Param<Integer> SAMPLES = SyntheticPoints.samples(400);
  static final Param<Double> NOISE = SyntheticPoints.noise(0.25, "around each corner");

  /** Registers the dataset as {@code xor}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("xor", "synthetic: points around the corners of a square, XOR of their signs")
              .params(SAMPLES, NOISE),
          params -> new XorDataset(params.get(SAMPLES), params.get(NOISE)));
    }
  }

  private final int samples;
  private final double noise;

  XorDataset(int samples, double noise) {
    this.samples = samples;
    this.noise = noise;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    SyntheticPoints points = new SyntheticPoints(samples, 2);
    for (int i = 0; i < samples; i++) {
      int corner = i % 4;
      double x = (corner & 1) == 0 ? -1 : 1;
      double y = (corner & 2) == 0 ? -1 : 1;
      points.set(
          i, x * y < 0 ? 1 : 0, x + noise * rng.nextGaussian(), y + noise * rng.nextGaussian());
    }
    return points.classification(2, SyntheticPoints.source("xor", samples, ", noise " + noise));
  }
}
