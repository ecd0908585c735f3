package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;

/** A small circle inside a large one, as scikit-learn's {@code make_circles}: class 1 inside. */
public final class CirclesDataset implements Dataset {
  static final Param<Integer> SAMPLES = SyntheticPoints.samples(1000);
  static final Param<Double> NOISE = SyntheticPoints.noise(0.05, "added to each coordinate");
  static final Param<Double> FACTOR =
      Param.number("factor", 0.5, "radius of the inner circle; the outer one has radius 1")
          .greaterThan(0)
          .lessThan(1);

  /** Registers the dataset as {@code circles}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("circles", "synthetic: a circle inside a circle (scikit-learn's make_circles)")
              .params(SAMPLES, NOISE, FACTOR),
          params -> new CirclesDataset(params.get(SAMPLES), params.get(NOISE), params.get(FACTOR)));
    }
  }

  private final int samples;
  private final double noise;
  private final double factor;

  CirclesDataset(int samples, double noise, double factor) {
    this.samples = samples;
    this.noise = noise;
    this.factor = factor;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    SyntheticPoints points = new SyntheticPoints(samples, 2);
    for (int i = 0; i < samples; i++) {
      int circle = i % 2;
      double r = circle == 0 ? 1 : factor;
      double t = 2 * Math.PI * rng.nextDouble();
      points.set(
          i,
          circle,
          r * Math.cos(t) + noise * rng.nextGaussian(),
          r * Math.sin(t) + noise * rng.nextGaussian());
    }
    return points.classification(
        2, SyntheticPoints.source("circles", samples, ", noise " + noise + ", factor " + factor));
  }
}
