package org.example.dendrite;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.tensor.Matrix;
import java.util.List;

/**
 * Two interleaving half circles in the plane, as scikit-learn's {@code make_moons}: a small
 * classification problem no straight line solves. Drawn from the dataset's own random stream, so
 * the same seed gives the same points.
 */
public final class TwoMoonsDataset implements Dataset {
  static final Param<Integer> SAMPLES =
      Param.integer("samples", 400, "number of points, half in each moon").atLeast(2);
  static final Param<Double> NOISE =
      Param.number("noise", 0.1, "standard deviation of the noise added to each coordinate")
          .atLeast(0);

  /** Registers the dataset as {@code two_moons}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("two_moons", "two interleaving half circles, 2 features, 2 classes")
              .params(SAMPLES, NOISE),
          params -> new TwoMoonsDataset(params.get(SAMPLES), params.get(NOISE)));
    }
  }

  private final int samples;
  private final double noise;

  TwoMoonsDataset(int samples, double noise) {
    this.samples = samples;
    this.noise = noise;
  }

  @Override
  public Examples load(DatasetContext context) {
    Rng rng = context.rng();
    Matrix features = Matrix.floats(samples, 2);
    int[] labels = new int[samples];
    for (int i = 0; i < samples; i++) {
      int moon = i % 2;
      double angle = Math.PI * rng.nextDouble();
      double x = moon == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
      double y = moon == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
      features.set(i, 0, x + noise * rng.nextGaussian());
      features.set(i, 1, y + noise * rng.nextGaussian());
      labels[i] = moon;
    }
    return Examples.classification(
        features,
        labels,
        List.of("upper", "lower"),
        "two_moons (" + samples + " points, noise " + noise + ")");
  }
}
