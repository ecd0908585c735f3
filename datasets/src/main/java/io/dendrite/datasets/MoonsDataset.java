package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/** Two interleaving half circles, as scikit-learn's {@code make_moons}. */
public final class MoonsDataset implements Dataset {
  static final Param<Integer> SAMPLES = SyntheticPoints.samples(1000);
  static final Param<Double> NOISE = SyntheticPoints.noise(0.1, "added to each coordinate");

  /** Registers the dataset as {@code moons}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("moons", "synthetic: two interleaving half circles (scikit-learn's make_moons)")
              .params(SAMPLES, NOISE),
          params -> new MoonsDataset(params.get(SAMPLES), params.get(NOISE)));
    }
  }

  private final int samples;
  private final double noise;

  MoonsDataset(int samples, double noise) {
    this.samples = samples;
    this.noise = noise;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    SyntheticPoints points = new SyntheticPoints(samples, 2);
    for (int i = 0; i < samples; i++) {
      int moon = i % 2;
      double t = Math.PI * rng.nextDouble();
      double x = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
      double y = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      points.set(i, moon, x + noise * rng.nextGaussian(), y + noise * rng.nextGaussian());
    }
    return points.classification(2, SyntheticPoints.source("moons", samples, ", noise " + noise));
  }
}
