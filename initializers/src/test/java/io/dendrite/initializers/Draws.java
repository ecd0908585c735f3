package io.dendrite.initializers;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import java.util.Map;

/** Weights drawn by a plugin, and their statistics, for the tests of this module. */
final class Draws {
  private Draws() {}

  /** A {@code fanOut x fanIn} matrix filled by {@code plugin} with {@code params}. */
  static Matrix draw(
      Plugin<Initializer> plugin,
      Map<String, Object> params,
      int fanOut,
      int fanIn,
      long seed,
      boolean doubles) {
    Matrix w = doubles ? Matrix.doubles(fanOut, fanIn) : Matrix.floats(fanOut, fanIn);
    w.fill(Double.NaN);
    plugin
        .create(Params.resolve(plugin.params(), params))
        .initialize(w, fanIn, fanOut, new Rng(seed));
    return w;
  }

  static double mean(Matrix m) {
    double s = 0;
    for (int i = 0; i < m.size(); i++) {
      s += m.get(i);
    }
    return s / m.size();
  }

  /** The population variance about the sample mean. */
  static double variance(Matrix m) {
    double mean = mean(m);
    double s = 0;
    for (int i = 0; i < m.size(); i++) {
      double d = m.get(i) - mean;
      s += d * d;
    }
    return s / m.size();
  }

  static double min(Matrix m) {
    double v = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m.size(); i++) {
      v = Math.min(v, m.get(i));
    }
    return v;
  }

  static double max(Matrix m) {
    double v = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m.size(); i++) {
      v = Math.max(v, m.get(i));
    }
    return v;
  }
}
