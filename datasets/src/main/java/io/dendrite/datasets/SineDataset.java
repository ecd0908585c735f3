package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/** Regression on one period of a sine: x uniform in [-π, π], target sin(x) plus noise. */
public final class SineDataset implements Dataset {
  static final Param<Integer> SAMPLES = SyntheticPoints.samples(1000);
  static final Param<Double> NOISE = SyntheticPoints.noise(0.05, "added to each target");

  /** Registers the dataset as {@code sine}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("sine", "synthetic regression: y = sin(x) + noise for x in [-pi, pi]")
              .params(SAMPLES, NOISE),
          params -> new SineDataset(params.get(SAMPLES), params.get(NOISE)));
    }
  }

  private final int samples;
  private final double noise;

  SineDataset(int samples, double noise) {
    this.samples = samples;
    this.noise = noise;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    SyntheticPoints points = new SyntheticPoints(samples, 1);
    float[] targets = new float[samples];
    for (int i = 0; i < samples; i++) {
      double x = Math.PI * (2 * rng.nextDouble() - 1);
      points.coordinate(i, 0, x);
      targets[i] = (float) (Math.sin(x) + noise * rng.nextGaussian());
    }
    return points.regression(targets, SyntheticPoints.source("sine", samples, ", noise " + noise));
  }
}
