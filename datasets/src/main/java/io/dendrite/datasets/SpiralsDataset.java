package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/**
 * Interleaved spiral arms, one per class, each turning once and a half around the origin: the
 * classic test of whether a network can bend its decision boundary.
 */
public final class SpiralsDataset implements Dataset {
  /** How far each arm turns, in turns. */
  static final double TURNS = 1.5;

  static final Param<Integer> SAMPLES = SyntheticPoints.samples(1000);
  static final Param<Integer> CLASSES =
      Param.integer("classes", 2, "number of spiral arms, one class each").atLeast(2).atMost(20);
  static final Param<Double> NOISE = SyntheticPoints.noise(0.05, "added to each coordinate");

  /** Registers the dataset as {@code spirals}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("spirals", "synthetic: interleaved spiral arms in the plane, one per class")
              .params(SAMPLES, CLASSES, NOISE),
          params ->
              new SpiralsDataset(params.get(SAMPLES), params.get(CLASSES), params.get(NOISE)));
    }
  }

  private final int samples;
  private final int classes;
  private final double noise;

  SpiralsDataset(int samples, int classes, double noise) {
    this.samples = samples;
    this.classes = classes;
    this.noise = noise;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    SyntheticPoints points = new SyntheticPoints(samples, 2);
    for (int i = 0; i < samples; i++) {
      int arm = i % classes;
      // Arms start a little off the origin, where every arm would otherwise meet the others.
      double r = 0.1 + 0.9 * rng.nextDouble();
      double angle = 2 * Math.PI * (TURNS * r + (double) arm / classes);
      points.set(
          i,
          arm,
          r * Math.cos(angle) + noise * rng.nextGaussian(),
          r * Math.sin(angle) + noise * rng.nextGaussian());
    }
    return points.classification(
        classes,
        SyntheticPoints.source("spirals", samples, ", " + classes + " arms, noise " + noise));
  }
}
